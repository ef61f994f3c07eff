import { type PuguhCore, type RequestOptions, sendRequest, type TokenSet } from '@puguh/core';
import { requireEmail, requireInput, requireText } from '@puguh/core/internal';
import { requireMfaCode } from './internal/require-mfa-code';
import { TokenSetSchema } from './schemas/token-set';

/**
 * Input of {@link login}.
 *
 * @public
 */
export interface LoginInput {
  /** The account's e-mail address. */
  readonly email: string;
  /** The account's password. Never logged nor put in an error message. */
  readonly password: string;
  /**
   * For accounts with MFA on: the 6-digit code from the authenticator app, or an unused recovery
   * code (no whitespace). Leave it out first; the API answers `mfa_required` when it is needed.
   */
  readonly mfaCode?: string;
}

/**
 * Signs a user in with e-mail and password. A public endpoint: no credential is sent, so any core
 * works, even one holding a service key.
 *
 * Exported from `@puguh/auth`; `client.auth.login()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The credentials, and the MFA code when the account needs one.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The session's tokens and the signed-in user.
 *
 * @throws `TypeError` before any request when `email` is not an e-mail address, `password` is
 *   empty, or `mfaCode` is not a 6-digit or recovery code. {@link AuthError} (401) with code
 *   `invalid_credentials`, `mfa_required` (MFA is on and `mfaCode` was left out) or
 *   `invalid_mfa_code`; {@link RateLimitError}, {@link NetworkError}, {@link PuguhError}.
 *
 * @example
 * ```ts
 * import { createPuguhCore } from '@puguh/core';
 * import { login } from '@puguh/auth';
 *
 * const core = createPuguhCore({ baseUrl: 'https://api-puguh.arsaka.io' });
 * const tokens = await login(core, { email: 'ada@example.com', password });
 * const userCore = createPuguhCore({
 *   baseUrl: 'https://api-puguh.arsaka.io',
 *   accessToken: tokens.accessToken,
 *   refreshToken: tokens.refreshToken,
 * });
 * ```
 *
 * @public
 */
export async function login(core: PuguhCore, input: LoginInput, options?: RequestOptions): Promise<TokenSet> {
  requireInput(input, 'email');
  const body: Record<string, string> = {
    email: requireEmail('email', input?.email),
    password: requireText('password', input?.password),
  };
  if (input.mfaCode !== undefined) body.mfa_code = requireMfaCode('mfaCode', input.mfaCode);
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/login', body, schema: TokenSetSchema, authenticate: false },
    options,
  );
}
