import { normalizeBaseUrl } from './internal/base-url';
import { getCoreState, isCoreObject, type PuguhCore } from './internal/core-state';

/**
 * A core, or just where the API is: what functions that only need the API's address (local token
 * verification) accept, so an edge function need not create a core at all.
 */
export type PuguhEndpoint = PuguhCore | { readonly baseUrl: string };

// One stable function (not a new one per call), so callers can key caches on the returned fetch.
const globalFetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);

/**
 * Where and how to reach the PUGUH API without the core's transport, for code such as
 * `verifyAccessToken` that only fetches the public JWKS. Accepts a core, or just `{ baseUrl }`
 * (validated like `createPuguhCore` does: https, or http on loopback only), so an edge function
 * that only verifies tokens need not create a core at all.
 *
 * @param core A core, or an object with the API's `baseUrl`.
 *
 * @returns The validated base URL (no trailing slash) and the `fetch` to use: the core's `fetch`
 *   option, else `globalThis.fetch` looked up at call time (the same function every time, so it can
 *   key a cache).
 *
 * @throws `TypeError` for a base URL that is not https (or loopback http).
 *
 * @example
 * ```ts
 * const { baseUrl, fetch } = getCoreEndpoint({ baseUrl: 'https://api-puguh.arsaka.io' });
 * const keys = await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json();
 * ```
 *
 * @public
 */
export function getCoreEndpoint(core: PuguhEndpoint): { baseUrl: string; fetch: typeof globalThis.fetch } {
  if (isCoreObject(core)) return { baseUrl: core.baseUrl, fetch: getCoreState(core).fetch ?? globalFetch };
  return {
    baseUrl: normalizeBaseUrl((core as { baseUrl?: unknown } | null)?.baseUrl, false),
    fetch: globalFetch,
  };
}
