// How `runAttempts` gets ky on Node, chosen by the package's `#ky-loader` import: ky loads with the
// first call, not with the package. Importing ky builds a streaming Request to probe the platform,
// which on Node starts the whole fetch implementation — tens of milliseconds at every cold start
// of a process that may never send a request. Bundles use ky-loader.ts (a static import) instead.
import type { KyInstance } from 'ky';

let ky: KyInstance | undefined;
let loading: Promise<KyInstance> | undefined;

/** ky: a promise on the first call, then ky itself. */
export const loadKy = (): KyInstance | Promise<KyInstance> => {
  if (ky) return ky;
  loading ??= import('ky').then((module) => {
    ky = module.default;
    return ky;
  });
  return loading;
};
