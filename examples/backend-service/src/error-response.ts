import { AuthError, isPuguhError, NetworkError, RateLimitError } from '@puguh/sdk';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ServiceEnv } from './service-env';

/**
 * The body of every error this service sends. `requestId` is PUGUH's `X-Request-Id`, present when
 * the failure came from a PUGUH response, so support can find the call in PUGUH's logs.
 *
 * @example
 * ```ts
 * const body: ErrorBody = { error: { code: 'organization_not_found', message: 'Not found', requestId: 'req_1' } };
 * ```
 */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly requestId?: string;
  };
}

/**
 * Builds an {@link ErrorBody}, leaving `requestId` out when there is none.
 *
 * @param code A stable `snake_case` code.
 * @param message Text for a human; must never contain a credential.
 * @param requestId PUGUH's request id, if any.
 *
 * @returns The body.
 *
 * @example
 * ```ts
 * return c.json(errorBody('unauthorized', 'Send Authorization: Bearer <access token>'), 401);
 * ```
 */
export function errorBody(code: string, message: string, requestId?: string): ErrorBody {
  return { error: requestId === undefined ? { code, message } : { code, message, requestId } };
}

/**
 * The service's single error handler (`app.onError`): turns whatever a route threw into an HTTP
 * answer, the TypeScript form of the Python docs' "let NetworkError, PuguhError bubble up to the
 * global handler".
 *
 * | thrown | answer |
 * |---|---|
 * | `AuthError` from a call made with the caller's token | 401 `{ error: { code, message } }` |
 * | `RateLimitError` | 429, `Retry-After` when PUGUH said how long |
 * | `NetworkError`, any other `PuguhError` (incl. `AuthError` on the service key) | 502 with `requestId` |
 * | `TypeError` (SDK misuse, e.g. an empty id; thrown before any request) | 400 |
 * | anything else | 500, no details (logged here instead) |
 *
 * SDK error messages never contain credentials, so they are safe to pass on.
 *
 * @param error What the route threw.
 * @param c The hono context.
 *
 * @returns The response.
 *
 * @example
 * ```ts
 * app.onError(respondToError);
 * ```
 */
export function respondToError(error: Error, c: Context<ServiceEnv>): Response {
  if (error instanceof HTTPException) return error.getResponse();

  if (error instanceof AuthError && c.get('forwardsCallerToken') === true) {
    return c.json(errorBody(error.code, error.message), 401, { 'WWW-Authenticate': 'Bearer' });
  }
  if (error instanceof RateLimitError) {
    // `retryAfter` keeps the header's unit (seconds) and may be fractional (from retry-after-ms).
    const headers: Record<string, string> =
      error.retryAfter === undefined ? {} : { 'Retry-After': String(Math.ceil(error.retryAfter)) };
    return c.json(errorBody(error.code, error.message, error.requestId), 429, headers);
  }
  // NetworkError (PUGUH unreachable: no requestId) and every other PuguhError (PUGUH answered with
  // an error, or with something invalid): the upstream failed, not this service or its caller.
  if (error instanceof NetworkError || isPuguhError(error)) {
    return c.json(errorBody(error.code, error.message, error.requestId), 502);
  }
  // The SDK checks its input before sending anything and throws TypeError on misuse; here that
  // means the caller gave us something unusable (an empty organization id). Its message names the
  // parameter, never a value.
  if (error instanceof TypeError) return c.json(errorBody('invalid_request', error.message), 400);

  // A caller who hung up aborted the PUGUH call through the forwarded signal: not a fault to log.
  if (!c.req.raw.signal.aborted) console.error('backend-service: unhandled error', error);
  return c.json(errorBody('internal_error', 'Internal server error'), 500);
}
