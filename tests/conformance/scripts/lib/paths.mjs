// Where the conformance workspace, its vitest and the runtimes' binaries are.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = join(workspaceDir, 'test-results');

/** A `require` that resolves from inside the workers pool package (pnpm keeps its deps private). */
const fromPool = () =>
  createRequire(
    join(realpathSync(join(workspaceDir, 'node_modules/@cloudflare/vitest-pool-workers')), 'package.json'),
  );

/**
 * The vitest the workers pool and the browser provider are built against (pnpm installed two
 * peer variants of vitest 4.1.12; vitest.config.ts explains). Its `vitest.mjs` is what
 * `node_modules/.bin/vitest` runs, and what Node 24 runs here.
 */
export const vitestEntry = () => join(dirname(fromPool().resolve('vitest/package.json')), 'vitest.mjs');

/** The workerd binary miniflare (and so the workers pool) starts. */
export const workerdBinary = () => {
  const miniflare = createRequire(fromPool().resolve('miniflare/package.json'));
  const workerd = miniflare('workerd');
  return workerd.default ?? workerd;
};
