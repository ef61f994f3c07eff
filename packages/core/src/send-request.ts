import ky from 'ky';
import * as v from 'valibot';
import { NetworkError } from './errors/network-error';
import { isPuguhError, PuguhError } from './errors/puguh-error';
import { openCallScope } from './internal/call-scope';
import { type CoreState, getCoreState, type PuguhCore } from './internal/core-state';
import { errorFromResponse, networkError } from './internal/errors-from-transport';
import { readBody } from './internal/read-body';
import { redactBody } from './internal/redact';
import { backoffDelay, isRetryableMethod, isRetryableStatus, parseRetryAfter } from './internal/retry-policy';
import { checkCredential, checkDuration, checkHeaders, checkRetries } from './internal/validate';
import type { RequestOptions } from './options';
import { TokenSetSchema } from './tokens/token-set';

/**
 * HTTP methods the PUGUH API uses.
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

/**
 * Sends one API call through the SDK's single choke point: credentials and context headers,
 * retries with backoff, timeouts, cancellation, error mapping and response validation.
 *
 * Every PUGUH domain function is a thin call to this; you can use it for endpoints the SDK does
 * not wrap yet. Behaviour:
 * - GET, PUT, DELETE are retried on network errors and 408/429/500/502/503/504; POST and PATCH
 *   get an `Idempotency-Key` (generated once per call, the same on every attempt) and are then
 *   retried the same way. Backoff is exponential with full jitter, at most 8 s per delay.
 * - `Retry-After`/`retry-after-ms` is honoured up to `maxRetryAfter`; a longer or unreadable one
 *   fails fast instead of sleeping.
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
  const timeout = checkDuration('timeout', options.timeout) ?? state.defaults.timeout;
  const maxRetries = checkRetries(options.maxRetries) ?? state.defaults.maxRetries;
  const headers = checkHeaders('options.headers', options.headers);
  const body = request.body === undefined ? undefined : serialize(request.body);
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (state.context.organizationId) headers.set('x-puguh-organization-id', state.context.organizationId);
  if (state.context.applicationId) headers.set('x-puguh-application-id', state.context.applicationId);
  if (method === 'POST' || method === 'PATCH') {
    headers.set(
      'idempotency-key',
      options.idempotencyKey === undefined
        ? crypto.randomUUID()
        : checkCredential('idempotencyKey', options.idempotencyKey),
    );
  }
  const retryable = isRetryableMethod(method, headers);
  const log =
    state.logger &&
    ((message: string, details: Record<string, unknown>) => state.logger?.debug(message, details));

  const scope = openCallScope(state.lifecycles, options.signal, state.defaults.totalTimeout);
  try {
    let retries = 0;
    let replayed = false;
    for (;;) {
      const credentials = await scope.guard(state.session.credentials());
      if (request.authenticate !== false && credentials.header)
        headers.set('authorization', credentials.header);
      else headers.delete('authorization');
      log?.('puguh request', { method, path, attempt: retries + 1, body: redactBody(request.body) });

      const attempt = scope.attempt(timeout);
      let response: Response;
      let text: string;
      try {
        state.transport.instance ??= ky.create(state.transport.options);
        response = await state.transport.instance(path, {
          method,
          headers,
          body: body ?? null,
          searchParams: request.query as Record<string, string>,
          signal: attempt.signal,
        });
        text = await readBody(response, state.defaults.maxResponseBytes);
      } catch (error) {
        const stopped = scope.stopped();
        if (stopped !== undefined) throw stopped;
        const failure = isPuguhError(error)
          ? error
          : attempt.timedOut()
            ? (attempt.signal.reason as NetworkError)
            : networkError(error);
        const delay = backoffDelay(retries);
        if (!(failure instanceof NetworkError) || !retryable || retries >= maxRetries || !scope.fits(delay)) {
          throw failure;
        }
        log?.('puguh retry', { method, path, reason: failure.code, delayMs: Math.round(delay) });
        await scope.sleep(delay);
        retries += 1;
        continue;
      } finally {
        attempt.dispose();
      }

      const { status } = response;
      const requestId = response.headers.get('x-request-id') ?? undefined;
      log?.('puguh response', { method, path, status, requestId });
      if (status >= 200 && status < 300) return parse(request.schema, text, status, requestId);

      if (status === 401 && !replayed && request.authenticate !== false && state.session.canRefresh()) {
        replayed = true;
        log?.('puguh refresh', { method, path });
        await scope.guard(
          state.session.refreshAfter(credentials.generation, (token) => exchange(core, state, token)),
        );
        continue;
      }

      const retryAfter = parseRetryAfter(response.headers);
      if (retryable && retries < maxRetries && isRetryableStatus(status)) {
        // A server-given wait is honoured exactly (no jitter) when it is readable and within the
        // cap; an unreadable or excessive one fails fast rather than sleeping for hours.
        const delay =
          retryAfter === undefined
            ? backoffDelay(retries)
            : retryAfter * 1000 <= state.defaults.maxRetryAfter
              ? retryAfter * 1000
              : Number.NaN;
        if (delay >= 0 && scope.fits(delay)) {
          log?.('puguh retry', { method, path, status, delayMs: Math.round(delay) });
          await scope.sleep(delay);
          retries += 1;
          continue;
        }
      }
      throw errorFromResponse(response, text, retryAfter);
    }
  } finally {
    scope.dispose();
  }
}

/** Exchanges the refresh token; shared by every call waiting on the same refresh. */
function exchange(core: PuguhCore, state: CoreState, refreshToken: string) {
  state.logger?.debug('puguh refresh', { path: 'v1/auth/refresh' });
  return sendRequest(
    core,
    {
      method: 'POST',
      path: 'v1/auth/refresh',
      body: { refresh_token: refreshToken },
      schema: TokenSetSchema,
      authenticate: false,
    },
    {},
  );
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

function parse<T>(
  schema: v.GenericSchema<unknown, T> | undefined,
  text: string,
  status: number,
  requestId?: string,
): T {
  if (!schema) return undefined as T;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PuguhError(`The API answered ${status} with a body that is not JSON`, {
      code: 'invalid_response',
      statusCode: status,
      requestId,
    });
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
    { code: 'invalid_response', statusCode: status, requestId, details: { issues } },
  );
}
