import { PuguhError } from './puguh-error';

/**
 * The credentials are missing, expired or rejected (HTTP 401), or a token failed local
 * verification. `code` says which: `token_expired`, `invalid_token`, `mfa_required`,
 * `invalid_credentials`, `refresh_failed`, …
 *
 * @example
 * ```ts
 * try {
 *   await login(core, { email, password });
 * } catch (error) {
 *   if (error instanceof AuthError && error.code === 'mfa_required') askForCode();
 *   else throw error;
 * }
 * ```
 *
 * @public
 */
export class AuthError extends PuguhError {
  /** @internal */
  static override readonly kind: string = 'AuthError';
  override name = 'AuthError';
}
