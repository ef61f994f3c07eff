import { defineConfig } from 'vitest/config';

// No `@puguh/source` condition here, unlike every other suite: these tests are about what users
// install, so workspace packages resolve to their built `dist/` (turbo builds them first).
export default defineConfig({
  test: {
    // Packing seven packages and spawning Node share 2 cores with every other suite: be patient.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
