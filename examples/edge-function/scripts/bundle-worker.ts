import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The worker's entry point. */
export const workerEntry: string = fileURLToPath(new URL('../src/worker.ts', import.meta.url));

/**
 * Bundles a worker into one ES module, as wrangler would: workspace packages from their
 * TypeScript source (`@puguh/source`), and the `workerd`/`worker`/`browser` builds of
 * dependencies (never Node's).
 *
 * @param options `entry` (default `src/worker.ts`) and `minify` (default `true`).
 *
 * @returns The module's source text, for Miniflare's `script` or a size measurement.
 *
 * @example
 * ```ts
 * const mf = new Miniflare({ modules: true, script: await bundleWorker(), compatibilityDate: '2026-04-01' });
 * ```
 */
export async function bundleWorker(options: { entry?: string; minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [options.entry ?? workerEntry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@puguh/source', 'workerd', 'worker', 'browser'],
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}
