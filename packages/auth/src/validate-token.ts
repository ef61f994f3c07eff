import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, requireText } from '@puguh/core/internal';
import { type UserContext, UserContextSchema } from './schemas/user-context';

/**
 * Input of {@link validateToken}.
 *
 * @public
 */
export interface ValidateTokenInput {
  /** The access token to check, e.g. the bearer token of an incoming request. */
  readonly token: string;
}

/**
 * Asks the API whether an access token is valid and whom it belongs to. A public endpoint: the
 * token travels in the body and the core's own credential is not sent.
 *
 * This costs a round trip per call; an edge function that only needs the claims should verify the
 * token locally with `verifyAccessToken` instead.
 *
 * Exported from `@puguh/auth`; `client.auth.validateToken()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The token to check.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The user the token belongs to, with its roles and organization scope.
 *
 * @throws `TypeError` before any request when `token` is empty. {@link AuthError} (401) with
 *   code `invalid_token` or `token_expired`; {@link RateLimitError}, {@link NetworkError},
 *   {@link PuguhError}.
 *
 * @example
 * ```ts
 * const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
 * const caller = await validateToken(core, { token: bearer });
 * if (!caller.roles.includes('admin')) return new Response('Forbidden', { status: 403 });
 * ```
 *
 * @public
 */
export async function validateToken(
  core: PuguhCore,
  input: ValidateTokenInput,
  options?: RequestOptions,
): Promise<UserContext> {
  requireInput(input, 'token');
  const body = { token: requireText('token', input?.token) };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/validate', body, schema: UserContextSchema, authenticate: false },
    options,
  );
}
