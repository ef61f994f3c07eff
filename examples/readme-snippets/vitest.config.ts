import { defineConfig } from 'vitest/config';
import { sourceFirst } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceFirst,
  test: {
    // Loopback integration tests share 2 cores with every other suite: be patient, assert on behaviour.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
