import { defineConfig } from 'vite';
import { sourceConditions } from '../../vitest.shared.ts';

// Workspace packages resolve to their TypeScript source (the `@puguh/source` export condition),
// so `vite build` and the dev server work without building the packages first. Setting
// `resolve.conditions` replaces Vite's defaults, which is why `sourceConditions` repeats them.
// A copy of this page outside the monorepo needs none of this: the published packages point at
// their built `dist/`.
export default defineConfig({
  resolve: { conditions: sourceConditions },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
