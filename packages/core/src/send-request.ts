import ky from 'ky';
import * as v from 'valibot';
import { closedError } from './close-puguh-core';
import { NetworkError } from './errors/network-error';
import { isPuguhError, PuguhError } from './errors/puguh-error';
import { getCoreState, type PuguhCore } from './internal/core-state';
import { errorFromResponse, networkError } from './internal/errors-from-transport';
import { followSignal } from './internal/follow-signal';
import { readBody } from './internal/read-body';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './internal/retry-policy';
import { checkCredential, checkDuration, checkHeaders, checkRetries } from './internal/validate';
import type { RequestOptions } from './options';
import { TokenSetSchema } from './tokens/token-set';

/**
 * HTTP methods the PUGUH API uses.
 *
 * @example
 * ```ts
 * const method: HttpMethod = 'DELETE';
 * await sendRequest(core, { method, path: apiPath`v1/organizations/${orgId}` });
 * ```
 *
 * @public
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API call for {@link sendRequest}: what to send and how to read the answer.
 *
 * @example
 * ```ts
 * const request: ApiRequest<Plan> = { method: 'GET', path: apiPath`v1/billing/plans/${planId}`, schema: PlanSchema };
 * ```
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

// Every method is retried: POST and PATCH always carry an Idempotency-Key (below), which lets the
// server replay the first result instead of applying a write twice.
const RETRY_METHODS = ['get', 'put', 'delete', 'head', 'post', 'patch'];

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
  const state = getCoreState(core);
  const { method, path } = request;
  const { defaults, session, context, logger } = state;
  const log = (event: string, details?: Record<string, unknown>) =>
    logger?.debug(`puguh ${event}`, { method, path, ...details });
  const timeout = checkDuration('timeout', options.timeout) ?? defaults.timeout;
  const maxRetries = checkRetries(options.maxRetries) ?? defaults.maxRetries;
  const headers = checkHeaders('options.headers', options.headers);
  const body = request.body === undefined ? undefined : serialize(request.body);
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (context.organizationId) headers.set('x-puguh-organization-id', context.organizationId);
  if (context.applicationId) headers.set('x-puguh-application-id', context.applicationId);
  if (method === 'POST' || method === 'PATCH') {
    const key = options.idempotencyKey;
    headers.set(
      'idempotency-key',
      key === undefined ? crypto.randomUUID() : checkCredential('idempotencyKey', key),
    );
  }
  if (state.lifecycles.some((lifecycle) => lifecycle.signal.aborted)) throw closedError();
  const callerSignal = options.signal;
  callerSignal?.throwIfAborted();

  // One controller for everything that stops this call: the caller's signal, closing the core and
  // totalTimeout. `followSignal` keeps at most one listener on each of those (possibly long-lived,
  // widely shared) signals, and removes it with the last call that follows it.
  const call = new AbortController();
  const { signal } = call;
  const sources = state.lifecycles.map((lifecycle) => lifecycle.signal);
  if (callerSignal) sources.push(callerSignal);
  const unfollow = sources.map((source) => followSignal(source, call));
  const totalTimeout = defaults.totalTimeout;
  const endsAt = totalTimeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + totalTimeout;
  const timer =
    totalTimeout === undefined
      ? undefined
      : setTimeout(
          () => call.abort(timeoutError(`The call did not finish within totalTimeout (${totalTimeout} ms)`)),
          totalTimeout,
        );

  let text = '';
  let generation = 0;
  let attemptStarted = 0;
  let wait = 0;
  state.transport.instance ??= ky.create(state.transport.options);
  try {
    for (let replayed = false; ; replayed = true) {
      try {
        const response = await state.transport.instance(path, {
          method,
          headers,
          body: body ?? null,
          searchParams: request.query as Record<string, string>,
          signal,
          timeout,
          retry: {
            limit: maxRetries,
            methods: RETRY_METHODS,
            statusCodes: [408, 429, 500, 502, 503, 504],
            afterStatusCodes: [],
            // The whole retry decision is ours (ky 1 would sleep a capped or unreadable Retry-After
            // instead of failing fast); `wait` hands the chosen delay to ky's abortable sleep.
            shouldRetry({ error, retryCount }) {
              if (signal.aborted) return false;
              let delay = backoffDelay(retryCount - 1);
              const response = (error as { response?: Response }).response;
              if (response) {
                if (!isRetryableStatus(response.status)) return false;
                const seconds = parseRetryAfter(response.headers);
                if (seconds !== undefined) delay = seconds * 1000;
                if (!(delay <= defaults.maxRetryAfter)) return false;
              } else if (isPuguhError(error) && !(error instanceof NetworkError)) {
                return false;
              }
              if (!(Date.now() + delay < endsAt)) return false;
              wait = delay;
              log('retry', { status: response?.status, delayMs: Math.round(delay) });
              return true;
            },
            delay: () => wait,
          },
          hooks: {
            beforeRequest: [
              async (outgoing) => {
                attemptStarted = Date.now();
                const [authorization, current] = await session.credentials();
                generation = current;
                if (request.authenticate !== false && authorization)
                  outgoing.headers.set('authorization', authorization);
                // Bodies and headers are never logged: nothing to redact, nothing to leak.
                log('request');
              },
            ],
            // Reading the body here, inside ky's attempt, puts a body that stalls or is cut off under
            // the same retry rules as a failed connection; the deadline is what is left of `timeout`.
            afterResponse: [
              async (_request, _options, response) => {
                text = await readBody(
                  response,
                  defaults.maxResponseBytes,
                  timeout - (Date.now() - attemptStarted),
                );
                log('response', { status: response.status, requestId: requestIdOf(response) });
              },
            ],
          },
        });
        void response.body?.cancel();
        return parse(request.schema, text, response);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (isPuguhError(error)) throw error;
        const response = (error as { response?: Response }).response;
        if (!response)
          throw (error as Error).name === 'TimeoutError' ? attemptTimeout(timeout) : networkError(error);
        void response.body?.cancel();
        if (response.status === 401 && !replayed && request.authenticate !== false && session.canRefresh()) {
          log('refresh');
          await abortable(
            session.refreshAfter(generation, (token) => exchange(core, token)),
            signal,
          );
          continue;
        }
        throw errorFromResponse(response, text, parseRetryAfter(response.headers));
      }
    }
  } finally {
    clearTimeout(timer);
    for (const stop of unfollow) stop();
  }
}

const timeoutError = (message: string) => new NetworkError(message, { code: 'timeout' });
const attemptTimeout = (timeout: number) => timeoutError(`No complete response within ${timeout} ms`);
const requestIdOf = (response: Response) => response.headers.get('x-request-id') ?? undefined;

/** Settles like `promise`, or rejects with the reason as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Exchanges the refresh token; shared by every call waiting on the same refresh. */
function exchange(core: PuguhCore, refreshToken: string) {
  return sendRequest(core, {
    method: 'POST',
    path: 'v1/auth/refresh',
    body: { refresh_token: refreshToken },
    schema: TokenSetSchema,
    authenticate: false,
  });
}

/** Serialises a body once, so every attempt sends the same bytes; refuses what JSON cannot carry. */
function serialize(body: unknown): string {
  try {
    return JSON.stringify(body, (_key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number');
      return value;
    });
  } catch {
    throw new TypeError(
      'The request body cannot be sent as JSON (it holds a BigInt, NaN, Infinity or a cycle)',
    );
  }
}

function parse<T>(schema: v.GenericSchema<unknown, T> | undefined, text: string, response: Response): T {
  if (!schema) return undefined as T;
  const details = { code: 'invalid_response', statusCode: response.status, requestId: requestIdOf(response) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PuguhError(`The API answered ${response.status} with a body that is not JSON`, details);
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  // Paths and expectations only: received values may be personal data or tokens.
  const issues = result.issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    expected: issue.expected,
  }));
  const first = issues[0];
  throw new PuguhError(
    `The API response does not have the expected shape${first ? ` (${first.path || 'body'}: expected ${first.expected})` : ''}`,
    { ...details, details: { issues } },
  );
}
