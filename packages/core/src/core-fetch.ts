import { normalizeBaseUrl } from './internal/base-url';
import type { PuguhCore } from './internal/core-state';

const CORE_STATE = Symbol.for('puguh.sdk.core');

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
export function getCoreEndpoint(core: PuguhCore): { baseUrl: string; fetch: typeof globalThis.fetch } {
  const state = (core as { [CORE_STATE]?: { fetch?: typeof globalThis.fetch } })[CORE_STATE];
  return {
    baseUrl: state ? core.baseUrl : normalizeBaseUrl(core?.baseUrl, false),
    fetch: state?.fetch ?? globalFetch,
  };
}
