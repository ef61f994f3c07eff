import type { Options } from 'tsup';

/** The tsup settings every PUGUH package shares: ESM only, declarations, tree-shakable output. */
export function packageBuild(entry: Record<string, string> = { index: 'src/index.ts' }): Options {
  return {
    entry,
    format: ['esm'],
    target: 'es2022',
    platform: 'neutral',
    dts: true,
    sourcemap: true,
    clean: true,
    tsconfig: 'tsconfig.build.json',
  };
}
