import { defineConfig } from 'vitest/config';
import { sourceFirst } from '../../vitest.shared.ts';

export default defineConfig({
  ...sourceFirst,
  test: {
    include: ['src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
    restoreMocks: true,
  },
});
