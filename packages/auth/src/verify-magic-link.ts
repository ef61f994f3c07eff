import { type PuguhCore, type RequestOptions, sendRequest, type TokenSet } from '@puguh/core';
import { requireInput, requireText } from '@puguh/core/internal';
import { TokenSetSchema } from './schemas/token-set';

/**
 * Input of {@link verifyMagicLink}.
 *
 * @public
 */
export interface VerifyMagicLinkInput {
  /** The token from the magic link's URL. */
  readonly token: string;
}

/**
 * Signs a user in with the token of a magic link. A public endpoint: no credential is sent. The
 * token is single use and expires; a second use fails.
 *
 * Exported from `@puguh/auth`; `client.auth.verifyMagicLink()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The token from the link.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The session's tokens and the signed-in user.
 *
 * @throws `TypeError` before any request when `token` is empty. {@link AuthError} (401) with code
 *   `invalid_magic_link` (unknown, used or expired); {@link RateLimitError}, {@link NetworkError},
 *   {@link PuguhError}.
 *
 * @example
 * ```ts
 * const token = new URL(request.url).searchParams.get('token') ?? '';
 * const tokens = await verifyMagicLink(core, { token });
 * ```
 *
 * @public
 */
export async function verifyMagicLink(
  core: PuguhCore,
  input: VerifyMagicLinkInput,
  options?: RequestOptions,
): Promise<TokenSet> {
  requireInput(input, 'token');
  const body = { token: requireText('token', input?.token) };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/magic-link/verify', body, schema: TokenSetSchema, authenticate: false },
    options,
  );
}
