import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// Two entries, one shared chunk: a core made through `@puguh/core` is known to the functions of
// `@puguh/core/internal` (the state WeakMap and the error classes exist once). The two ky loaders
// are built on their own and reached through the `#ky-loader` import, which picks one per runtime.
export default defineConfig({
  ...packageBuild({
    index: 'src/index.ts',
    internal: 'src/internal.ts',
    'ky-loader': 'src/request/ky-loader.ts',
    'ky-loader.node': 'src/request/ky-loader.node.ts',
  }),
  external: ['#ky-loader'],
});
