import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// The two jose loaders are built on their own and reached through the `#jose-loader` import,
// which picks one per runtime (a static import in bundles, a first-use import on Node).
export default defineConfig({
  ...packageBuild({
    index: 'src/index.ts',
    'jose-loader': 'src/jose-loader.ts',
    'jose-loader.node': 'src/jose-loader.node.ts',
  }),
  external: ['#jose-loader'],
});
