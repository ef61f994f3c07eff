import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { type MfaSetup, MfaSetupSchema } from './schemas/mfa';

/**
 * Starts enrolling the signed-in user in TOTP multi-factor authentication. MFA is not on yet:
 * show the QR code, then call {@link confirmMfa} with a code from the user's app. Calling it again
 * before confirming replaces the pending secret.
 *
 * Needs a user's access token (a core created with `accessToken`); a service key is refused.
 *
 * Exported from `@puguh/auth`; `client.auth.setupMfa()` on `PuguhClient`.
 *
 * @param core A core acting as the user.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The QR code, the `otpauth://` URL and the secret.
 *
 * @throws {@link AuthError} (401) without a valid user token; {@link PuguhError} with code
 *   `user_token_required` (403) for a service key, `mfa_already_enabled` (409);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const userCore = createPuguhCore({ baseUrl, accessToken: tokens.accessToken });
 * const setup = await setupMfa(userCore);
 * console.log(setup.qrCodeUrl); // show it as <img src> to the user
 * ```
 *
 * @public
 */
export async function setupMfa(core: PuguhCore, options?: RequestOptions): Promise<MfaSetup> {
  return sendRequest(core, { method: 'POST', path: 'v1/auth/mfa/setup', schema: MfaSetupSchema }, options);
}
