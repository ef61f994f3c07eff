import { getCoreState, type PuguhCore } from './internal/core-state';

/**
 * The `fetch` a core sends with: the one passed as the `fetch` option, else `globalThis.fetch`
 * (looked up at call time, so test doubles installed later still apply). For code that must
 * reach PUGUH without the core's transport, such as `verifyAccessToken` fetching the JWKS. The
 * same function is returned for every core without a custom `fetch`, so it can key a cache.
 *
 * @param core The core.
 *
 * @returns A `fetch` function.
 *
 * @example
 * ```ts
 * const response = await getCoreFetch(core)(`${core.baseUrl}/.well-known/jwks.json`);
 * ```
 *
 * @public
 */
export function getCoreFetch(core: PuguhCore): typeof globalThis.fetch {
  return getCoreState(core).fetch ?? globalFetch;
}

// One stable function (not a new one per call), so callers can key caches on the returned fetch.
const globalFetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);
