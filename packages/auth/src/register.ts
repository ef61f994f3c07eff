import { type PuguhCore, type RequestOptions, sendRequest, type User } from '@puguh/core';
import { requireEmail, requireInput, requireText } from '@puguh/core/internal';
import { UserSchema } from './schemas/token-set';

/**
 * Input of {@link register}.
 *
 * @public
 */
export interface RegisterInput {
  /** The new account's e-mail address (its login). */
  readonly email: string;
  /** The new account's password. Never logged nor put in an error message. */
  readonly password: string;
  /** The user's display name. */
  readonly fullName: string;
}

/**
 * Creates a user account. A public endpoint: no credential is sent. It does not sign the user in;
 * call {@link login} next.
 *
 * Exported from `@puguh/auth`; `client.auth.register()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The new account.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The created user.
 *
 * @throws `TypeError` before any request when `email` is not an e-mail address or `password` or
 *   `fullName` is empty. {@link PuguhError} with code `email_taken` (409) when the address is
 *   registered already, or `invalid_request` (400, e.g. a password the API finds too weak);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const user = await register(core, { email: 'jane@example.com', password, fullName: 'Jane Doe' });
 * console.log(user.userId);
 * ```
 *
 * @public
 */
export async function register(
  core: PuguhCore,
  input: RegisterInput,
  options?: RequestOptions,
): Promise<User> {
  requireInput(input, 'email');
  const body = {
    email: requireEmail('email', input?.email),
    password: requireText('password', input?.password),
    full_name: requireText('fullName', input?.fullName),
  };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/register', body, schema: UserSchema, authenticate: false },
    options,
  );
}
