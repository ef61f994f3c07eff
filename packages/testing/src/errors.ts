/**
 * Every error code the local API answers with (see docs/decisions/0002-wire-contract.md).
 *
 * @public
 */
export type ApiErrorCode =
  | 'invalid_request'
  | 'invalid_cursor'
  | 'invalid_json'
  | 'unauthorized'
  | 'invalid_token'
  | 'token_expired'
  | 'invalid_credentials'
  | 'mfa_required'
  | 'invalid_mfa_code'
  | 'invalid_refresh_token'
  | 'refresh_token_reused'
  | 'invalid_magic_link'
  | 'forbidden'
  | 'user_token_required'
  | 'not_found'
  | 'organization_not_found'
  | 'application_not_found'
  | 'plan_not_found'
  | 'member_not_found'
  | 'subscription_not_found'
  | 'email_taken'
  | 'slug_taken'
  | 'already_member'
  | 'last_owner'
  | 'subscription_exists'
  | 'mfa_already_enabled'
  | 'mfa_not_set_up'
  | 'same_plan'
  | 'idempotency_key_reused'
  | 'not_organization_member'
  | 'rate_limited'
  | 'internal_error';

/**
 * The JSON body of every error response: `{"error": {"code", "message", "details"?}}`.
 *
 * @public
 */
export interface ErrorEnvelope {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: Record<string, unknown>;
  };
}

/**
 * An error a route throws to answer with the error envelope; the app's error handler renders it.
 *
 * @example
 * ```ts
 * throw new ApiError(409, 'slug_taken', 'The slug "acme" is already taken.');
 * ```
 *
 * @internal
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500;
  readonly code: ApiErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: ApiError['status'],
    code: ApiErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * Builds the error envelope for a code and message.
 *
 * @param code The snake_case error code.
 * @param message A human-readable sentence.
 * @param details Extra, code-specific data (for `invalid_request`: `{fields}`).
 *
 * @returns The envelope, ready for `c.json()`.
 *
 * @example
 * ```ts
 * errorEnvelope('not_found', 'No route for GET /v2.'); // { error: { code: 'not_found', message: … } }
 * ```
 *
 * @internal
 */
export function errorEnvelope(
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
