import { defineConfig } from 'vitest/config';
import { sourceFirst } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceFirst,
  test: {
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // main.test.ts starts the real process through tsx, which takes a few seconds on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
