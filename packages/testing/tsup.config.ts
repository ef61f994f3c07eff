import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  // `listen` is loaded by `server.listen()` through a computed `import()` of `./listen.js`, so it
  // must be an entry of its own; the main entry stays free of Node imports.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', listen: 'src/listen.ts' },
  format: ['esm'],
  target: 'es2022',
  platform: 'neutral',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  tsconfig: 'tsconfig.build.json',
  // Keep `node:` specifiers as written (only the CLI and the lazily loaded listen chunk have any).
  removeNodeProtocol: false,
  external: [/^node:/],
  async onSuccess() {
    // The contract as a plain file, for tools that do not run TypeScript (`@puguh/testing/openapi.json`).
    const { openApiDocument } = await import('./src/openapi');
    await writeFile('dist/openapi.json', `${JSON.stringify(openApiDocument, null, 2)}\n`);
  },
});
