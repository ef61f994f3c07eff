import { defineConfig } from 'vitest/config';
import { sourceFirst } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceFirst,
  test: {
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
