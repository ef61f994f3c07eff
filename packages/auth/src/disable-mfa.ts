import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput } from '@puguh/core/internal';
import { requireMfaCode } from './internal/require-mfa-code';

/**
 * Input of {@link disableMfa}.
 *
 * @public
 */
export interface DisableMfaInput {
  /** A current 6-digit code or an unused recovery code, when the API asks for one. */
  readonly code?: string;
}

/**
 * Turns MFA off for the signed-in user; {@link login} no longer needs `mfaCode`.
 *
 * Needs a user's access token (a core created with `accessToken`); a service key is refused.
 *
 * Exported from `@puguh/auth`; `client.auth.disableMfa()` on `PuguhClient`.
 *
 * @param core A core acting as the user.
 * @param input A code, when given; the API decides whether one is required.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns Nothing, once MFA is off.
 *
 * @throws `TypeError` before any request when `code` is given but is not a 6-digit or recovery
 *   code. {@link AuthError} (401) without a valid user token; {@link PuguhError} with code
 *   `invalid_mfa_code` (422), `mfa_not_set_up` (409), `user_token_required` (403);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * await disableMfa(userCore, { code: '492039' });
 * ```
 *
 * @public
 */
export async function disableMfa(
  core: PuguhCore,
  input: DisableMfaInput = {},
  options?: RequestOptions,
): Promise<void> {
  requireInput(input, 'code');
  const body = input?.code === undefined ? {} : { code: requireMfaCode('code', input.code) };
  return sendRequest(core, { method: 'POST', path: 'v1/auth/mfa/disable', body }, options);
}
