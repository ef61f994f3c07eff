import { defineConfig } from 'vitest/config';
import { sourceFirst } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceFirst,
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Each browser test builds the page with Vite and starts Chromium (1–3 s on a 2-core machine).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
