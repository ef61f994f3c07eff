// How `runAttempts` gets ky, chosen by the package's `#ky-loader` import. This is the variant for
// bundlers, browsers and edge runtimes: a static import, so a bundle holds ky once and plainly.
// Node gets ky-loader.node.ts instead (see docs/decisions/0007-core-v2-request-stages.md).
import ky, { type KyInstance } from 'ky';

/** ky, at once. */
export const loadKy = (): KyInstance | Promise<KyInstance> => ky;
