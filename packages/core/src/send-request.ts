import type * as v from 'valibot';
import { isPuguhError } from './errors/puguh-error';
import { getCoreState, type PuguhCore } from './internal/core-state';
import type { RequestOptions } from './options';
import type { Answer } from './request/call';
import { openCallScope } from './request/open-call-scope';
import { prepareCall } from './request/prepare-call';
import { readAnswer } from './request/read-answer';
import { refreshAndReplay } from './request/refresh-and-replay';
import { rateLimitOf, reportResponse } from './request/report-response';
import { runAttempts } from './request/run-attempts';

/**
 * HTTP methods the PUGUH API uses.
 *
 * @public
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API call for {@link sendRequest}: what to send and how to read the answer.
 *
 * @public
 */
export interface ApiRequest<T> {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** Path below the base URL, without a leading slash; build it with `apiPath` so ids are encoded. */
  readonly path: string;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>> | undefined;
  /** A JSON body (plain data). */
  readonly body?: unknown;
  /** Validates the JSON answer and converts it; omit for endpoints that answer 204. */
  readonly schema?: v.GenericSchema<unknown, T> | undefined;
  /** `false` sends no credential: for public endpoints such as login, and never triggers a refresh. */
  readonly authenticate?: boolean | undefined;
}

/**
 * Sends one API call through the SDK's single choke point: credentials and context headers,
 * retries with backoff, timeouts, cancellation, error mapping and response validation.
 *
 * Every PUGUH domain function is a thin call to this; you can use it for endpoints the SDK does
 * not wrap yet. Behaviour:
 * - Network errors, timeouts and 408/429/500/502/503/504 are retried (`maxRetries`, default 2).
 *   POST and PATCH get an `Idempotency-Key` (generated once per call, the same on every attempt).
 *   Backoff is exponential with full jitter, at most 8 s per delay.
 * - `Retry-After`/`retry-after-ms` is honoured exactly up to `maxRetryAfter`; a longer or
 *   unreadable one, or one that would end after `totalTimeout`, fails fast instead of sleeping.
 * - `timeout` bounds each attempt including the body; `totalTimeout` bounds the whole call.
 * - A 401 on a user call with a `refreshToken` refreshes the session once and replays the call.
 * - `authenticate: false` sends no credential and never calls an `accessToken` function.
 *
 * @param core The core that sends the request.
 * @param request What to send; see {@link ApiRequest}.
 * @param options Per-call options such as `signal`.
 *
 * @returns The validated response (`undefined` when `schema` is omitted).
 *
 * @throws {@link AuthError} on 401, {@link RateLimitError} on 429, {@link NetworkError} when no
 *   response arrived, {@link PuguhError} for other errors and `invalid_response`. An aborted
 *   `signal` rejects with its `reason`. `TypeError`/`RangeError` for bad arguments.
 *
 * @example
 * ```ts
 * const plan = await sendRequest(core, { method: 'GET', path: apiPath`v1/billing/plans/${'plan_pro'}`, schema: PlanSchema });
 * ```
 *
 * @public
 */
export async function sendRequest<T = void>(
  core: PuguhCore,
  request: ApiRequest<T>,
  options: RequestOptions = {},
): Promise<T> {
  // The stages, each in its own file under ./request (their order is the order of a request):
  const call = prepareCall(getCoreState(core), request, options); // URL, headers, body, limits
  const scope = openCallScope(call.state, options.signal); // caller signal + close + totalTimeout
  let final: Answer | undefined;
  try {
    const answer = await runAttempts(call, scope); // the attempts, retried, on ky
    final = await refreshAndReplay(call, scope, answer); // a 401 → one refresh, one replay
    return readAnswer(final, request.schema); // JSON + schema, or the error the status calls for
  } catch (error) {
    // What a support desk asks for, on errors too: how many tries, and the quota left.
    if (isPuguhError(error)) {
      Object.assign(error, {
        attempts: call.attempts,
        rateLimit: call.lastAnswer && rateLimitOf(call.lastAnswer.headers),
      });
    }
    throw error;
  } finally {
    scope.close();
    if (final) reportResponse(call, final, options.onResponse); // onResponse: core's, then call's
  }
}
