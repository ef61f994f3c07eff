// One suite (`src/suite`), four vitest projects, one per runtime. Projects are inline because
// vitest 4.1.12 does not expand nested `projects` (a known limitation of that version). Node 24, Bun
// and Deno are driven by scripts/run-conformance.mjs, not from here.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { sourceConditions, sourceFirst } from '../../vitest.shared.ts';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// pnpm installed two copies of vitest 4.1.12 (peer variants); this workspace's `vitest` binary is
// the one the workers pool is built against, but a bare `import 'vitest'` from the suite resolves
// to the root's copy. Node and the browser map that import to the running vitest themselves; the
// workers pool inlines it, so the worker would get a second vitest ("failed to find the current
// suite"). Point it at the pool's own vitest.
const poolDir = realpathSync(
  join(dirname(fileURLToPath(import.meta.url)), 'node_modules/@cloudflare/vitest-pool-workers'),
);
const poolVitest = dirname(createRequire(join(poolDir, 'package.json')).resolve('vitest/package.json'));

const shared = {
  include: ['src/suite/**/*.test.ts'],
  globalSetup: ['src/node/global-setup.ts'],
  // Loopback calls against a shared server; generous for 2 busy cores running four runtimes.
  testTimeout: 30_000,
  hookTimeout: 30_000,
  // The files of a project share one module graph: the suite changes no globals, and loading the
  // SDK, hono and jose once per runtime instead of once per file more than halves the run.
  isolate: false,
};

const projects: TestProjectInlineConfiguration[] = [
  {
    ...sourceFirst,
    test: { ...shared, name: 'node', environment: 'node', provide: { runtime: 'node' } },
  },
  {
    ...sourceFirst,
    test: {
      ...shared,
      name: 'edge-runtime',
      environment: 'edge-runtime',
      provide: { runtime: 'edge-runtime' },
    },
  },
  {
    // The plugin appends workerd/worker/browser conditions and drops `node`; ours comes first.
    resolve: {
      conditions: ['@puguh/source'],
      alias: [{ find: /^vitest$/, replacement: join(poolVitest, 'dist/index.js') }],
    },
    ssr: { resolve: { conditions: ['@puguh/source'], externalConditions: ['@puguh/source'] } },
    plugins: [
      cloudflareTest({
        miniflare: { compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'] },
      }),
    ],
    test: { ...shared, name: 'workerd', provide: { runtime: 'workerd' } },
  },
  {
    // The browser resolves through vite's client environment: keep its default conditions.
    // (`ssr` is for globalSetup, which runs in Node.)
    resolve: { conditions: sourceConditions },
    ssr: sourceFirst.ssr,
    // No dependency discovery: a dependency first met while tests run makes vite re-optimize and
    // reload, which fails that test file ("Failed to fetch dynamically imported module") whenever
    // the cache in node_modules/.vite predates a new import. Every dependency the SDK and the
    // local API use (ky, valibot, jose, hono) is ESM and loads as is.
    optimizeDeps: { noDiscovery: true },
    test: {
      ...shared,
      name: 'chromium',
      provide: { runtime: 'chromium' },
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: {
            executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
            args: chromiumArgs,
          },
        }),
        instances: [{ browser: 'chromium' }],
        // A screenshot of a headless page that only makes API calls shows nothing useful.
        screenshotFailures: false,
      },
    },
  },
];

export default defineConfig({
  // The workers pool resolves its runner's `vitest/worker` through the root vite server.
  resolve: { alias: [{ find: /^vitest\/worker$/, replacement: join(poolVitest, 'dist/worker.js') }] },
  test: { projects },
});
