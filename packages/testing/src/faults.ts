import type { MiddlewareHandler } from 'hono';
import { errorEnvelope } from './errors';
import type { AppEnv } from './state';

/**
 * How the next matching request(s) should misbehave. Without `status`, `body`, `reset` or
 * `stallBody`, the real handler still answers (after `delayMs`, with `headers` added).
 *
 * @public
 */
export interface FaultOptions {
  /** Only requests with this method (any case); every method by default. */
  readonly method?: string;
  /** Only requests whose pathname equals this string or matches this RegExp; every path by default. */
  readonly path?: string | RegExp;
  /** Answer with this status instead of the real response (with `body`, or a matching error envelope). */
  readonly status?: number;
  /** Headers to set on the response (the injected one, or the real one). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body of the injected response: a string is sent as is, anything else as JSON. */
  readonly body?: unknown;
  /** Wait this many milliseconds before answering (or before running the real handler). */
  readonly delayMs?: number;
  /**
   * Drop the connection: on `listen()` the TCP socket is destroyed; in-process, `server.fetch`
   * rejects with `TypeError('fetch failed')`, as `fetch` does.
   */
  readonly reset?: boolean;
  /**
   * Send the status line, the headers and part of the body (`body`, or `{"data":[`), then never
   * finish: the client's body read hangs until it gives up. For body-timeout tests.
   */
  readonly stallBody?: boolean;
  /** How many matching requests misbehave (default 1). */
  readonly times?: number;
}

/**
 * `server.faults`: makes the next matching requests misbehave, to rehearse failures.
 *
 * @public
 */
export interface Faults {
  /**
   * Queues a fault. Faults apply in the order they were injected, each to its next `times`
   * matching requests; CORS preflights are never affected.
   *
   * @throws `RangeError` for a `times`, `status` or `delayMs` out of range.
   *
   * @example
   * ```ts
   * server.faults.inject({ method: 'GET', path: '/v1/billing/plans', status: 503, times: 2 });
   * server.faults.inject({ path: /^\/v1\/organizations/, reset: true });
   * ```
   */
  inject(fault: FaultOptions): void;
  /** Removes every queued fault. */
  clear(): void;
  /** How many matching requests the queued faults will still affect. */
  readonly pending: number;
}

/**
 * The fault queue plus the lookup the middleware uses.
 *
 * @example
 * ```ts
 * const fault = queue.take('GET', '/v1/billing/plans');
 * ```
 *
 * @internal
 */
export interface FaultQueue extends Faults {
  /** Takes one use of the first queued fault that matches, if any. */
  take(method: string, path: string): FaultOptions | undefined;
}

interface QueuedFault {
  readonly fault: FaultOptions;
  remaining: number;
}

/**
 * Creates an empty fault queue.
 *
 * @returns The queue.
 *
 * @example
 * ```ts
 * const faults = createFaultQueue();
 * faults.inject({ status: 500 });
 * ```
 *
 * @internal
 */
export function createFaultQueue(): FaultQueue {
  let queue: QueuedFault[] = [];
  return {
    inject(fault) {
      const times = fault.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw new RangeError('faults.inject: times must be an integer ≥ 1.');
      if (
        fault.status !== undefined &&
        (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599)
      ) {
        throw new RangeError('faults.inject: status must be an integer from 200 to 599.');
      }
      if (fault.delayMs !== undefined && !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0)) {
        throw new RangeError('faults.inject: delayMs must be a finite number ≥ 0.');
      }
      queue.push({ fault, remaining: times });
    },
    clear() {
      queue = [];
    },
    get pending() {
      return queue.reduce((sum, entry) => sum + entry.remaining, 0);
    },
    take(method, path) {
      const entry = queue.find(({ fault }) => matches(fault, method, path));
      if (entry === undefined) return undefined;
      entry.remaining--;
      if (entry.remaining === 0) queue = queue.filter((other) => other !== entry);
      return entry.fault;
    },
  };
}

function matches(fault: FaultOptions, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string'
    ? fault.path === path
    : new RegExp(fault.path.source, fault.path.flags.replace('g', '')).test(path);
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const DEFAULT_CODES: Readonly<Record<number, string>> = {
  408: 'request_timeout',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/**
 * Applies queued faults. It runs after the request log and the rate limiter (so faulted requests
 * are recorded and carry `RateLimit-*`) and before idempotency (so an injected failure is never
 * stored and replayed: a retry with the same key reaches the real handler).
 *
 * @param faults The fault queue.
 *
 * @returns The middleware.
 *
 * @example
 * ```ts
 * app.use('*', faultMiddleware(state.faults));
 * ```
 *
 * @internal
 */
export function faultMiddleware(faults: FaultQueue): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const fault = faults.take(c.req.method, new URL(c.req.url).pathname);
    if (fault === undefined) return next();
    if (fault.delayMs !== undefined && fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.reset === true) {
      c.env.connection.reset = true;
      return c.body(null, 502);
    }
    if (fault.stallBody === true) {
      c.env.connection.stalled = true;
      return stalledResponse(fault);
    }
    if (fault.status !== undefined || fault.body !== undefined) return injectedResponse(fault);
    await next();
    for (const [name, value] of Object.entries(fault.headers ?? {})) c.res.headers.set(name, value);
    return undefined;
  };
}

function injectedResponse(fault: FaultOptions): Response {
  const status = fault.status ?? 200;
  const headers = new Headers({ 'content-type': 'application/json', ...fault.headers });
  if (NULL_BODY_STATUSES.has(status)) return new Response(null, { status, headers });
  let body: string;
  if (fault.body === undefined) {
    body =
      status >= 400
        ? JSON.stringify(
            errorEnvelope(DEFAULT_CODES[status] ?? 'injected_fault', `Injected fault: HTTP ${status}.`),
          )
        : '';
  } else {
    body = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  }
  return new Response(body, { status, headers });
}

function stalledResponse(fault: FaultOptions): Response {
  const partial =
    fault.body === undefined
      ? '{"data":['
      : typeof fault.body === 'string'
        ? fault.body
        : JSON.stringify(fault.body);
  // Never closed: on a socket the client gives up and disconnects; in-process, `server.fetch` errors
  // the body when the request's signal aborts, as `fetch` does.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(partial));
    },
  });
  const headers = new Headers({ 'content-type': 'application/json', ...fault.headers });
  return new Response(stream, { status: fault.status ?? 200, headers });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
