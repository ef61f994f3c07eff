import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// Two entries, one shared chunk: a core made through `@puguh/core` is known to the functions of
// `@puguh/core/internal` (the state WeakMap and the error classes exist once).
export default defineConfig(packageBuild({ index: 'src/index.ts', internal: 'src/internal.ts' }));
