import { getCoreState, type PuguhCore } from './internal/core-state';

/**
 * The `fetch` a core sends with: the one passed as the `fetch` option, else `globalThis.fetch`
 * (looked up at call time, so test doubles installed later still apply). For code that must
 * reach PUGUH without the core's transport, such as `verifyAccessToken` fetching the JWKS.
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
  const state = getCoreState(core);
  return state.fetch ?? ((input, init) => globalThis.fetch(input, init));
}
