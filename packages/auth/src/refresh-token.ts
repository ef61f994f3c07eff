import { type PuguhCore, type RequestOptions, sendRequest, type TokenSet } from '@puguh/core';
import { requireInput, requireText } from '@puguh/core/internal';
import { TokenSetSchema } from './schemas/token-set';

/**
 * Input of {@link refreshToken}.
 *
 * @public
 */
export interface RefreshTokenInput {
  /** The refresh token of the current set. It is single use: the API rotates it. */
  readonly refreshToken: string;
}

/**
 * Exchanges a refresh token for a new token set. A public endpoint: no credential is sent.
 *
 * Refresh tokens rotate: store the returned `refreshToken` and never send the old one again;
 * presenting a used one revokes the whole session (`refresh_token_reused`). A core created with
 * `refreshToken` + `onTokens` does this for you on a 401, so most apps never call it directly.
 *
 * Exported from `@puguh/auth`; `client.auth.refreshToken()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The current refresh token.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The new token set.
 *
 * @throws `TypeError` before any request when `refreshToken` is empty. {@link AuthError} (401)
 *   with code `invalid_refresh_token` (unknown or expired) or `refresh_token_reused`;
 *   {@link RateLimitError}, {@link NetworkError}, {@link PuguhError}.
 *
 * @example
 * ```ts
 * const next = await refreshToken(core, { refreshToken: stored.refreshToken });
 * await save(next); // the old refresh token is now spent
 * ```
 *
 * @public
 */
export async function refreshToken(
  core: PuguhCore,
  input: RefreshTokenInput,
  options?: RequestOptions,
): Promise<TokenSet> {
  requireInput(input, 'refreshToken');
  const body = { refresh_token: requireText('refreshToken', input?.refreshToken) };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/refresh', body, schema: TokenSetSchema, authenticate: false },
    options,
  );
}
