import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput } from '@puguh/core/internal';
import { requireMfaCode } from './internal/require-mfa-code';
import { type MfaConfirmation, MfaConfirmationSchema } from './schemas/mfa';

/**
 * Input of {@link confirmMfa}.
 *
 * @public
 */
export interface ConfirmMfaInput {
  /** The current 6-digit code from the authenticator app enrolled with {@link setupMfa}. */
  readonly code: string;
}

/**
 * Turns MFA on for the signed-in user, proving with a code that the app was enrolled. From then
 * on {@link login} needs `mfaCode`.
 *
 * Needs a user's access token (a core created with `accessToken`); a service key is refused.
 *
 * Exported from `@puguh/auth`; `client.auth.confirmMfa()` on `PuguhClient`.
 *
 * @param core A core acting as the user.
 * @param input The code from the app.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The recovery codes, shown to the user once.
 *
 * @throws `TypeError` before any request when `code` is not a 6-digit or recovery code.
 *   {@link AuthError} (401) without a valid user token; {@link PuguhError} with code
 *   `invalid_mfa_code` (422), `mfa_not_set_up` or `mfa_already_enabled` (409),
 *   `user_token_required` (403); {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const { recoveryCodes } = await confirmMfa(userCore, { code: '492039' });
 * showOnce(recoveryCodes);
 * ```
 *
 * @public
 */
export async function confirmMfa(
  core: PuguhCore,
  input: ConfirmMfaInput,
  options?: RequestOptions,
): Promise<MfaConfirmation> {
  requireInput(input, 'code');
  const body = { code: requireMfaCode('code', input?.code) };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/mfa/confirm', body, schema: MfaConfirmationSchema },
    options,
  );
}
