import { defineConfig } from 'vitest/config';
import { sourceFirst } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceFirst,
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Each suite bundles the worker with esbuild and starts workerd (about 0.3–1 s).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
