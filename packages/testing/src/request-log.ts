import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ParsedBody } from './state';

/**
 * One request as the local API received it (injected faults included), for asserting what a
 * client sent.
 *
 * @public
 */
export interface RecordedRequest {
  /** The `X-Request-Id` the server answered with. */
  readonly requestId: string;
  readonly method: string;
  /** The pathname, e.g. `/v1/organizations`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; the raw text when it was not JSON; `undefined` when there was none. */
  readonly body: unknown;
}

/**
 * The request log, capped (the newest 10,000 to 11,000 requests) so that a long-running
 * `puguh-local` does not grow without bound.
 *
 * @example
 * ```ts
 * log.add(entry);
 * log.entries.length; // 1
 * ```
 *
 * @internal
 */
export interface RequestLog {
  readonly entries: RecordedRequest[];
  add(entry: RecordedRequest): void;
  clear(): void;
}

const MAX_ENTRIES = 10_000;
/** Trimmed in batches: removing one entry per request would shift the whole array every time. */
const TRIM_BATCH = 1_000;

/**
 * Creates an empty request log that keeps at least the newest 10,000 requests.
 *
 * @returns The log.
 *
 * @example
 * ```ts
 * const log = createRequestLog();
 * log.entries.length; // 0
 * ```
 *
 * @internal
 */
export function createRequestLog(): RequestLog {
  const entries: RecordedRequest[] = [];
  return {
    entries,
    add(entry) {
      entries.push(entry);
      if (entries.length >= MAX_ENTRIES + TRIM_BATCH) entries.splice(0, entries.length - MAX_ENTRIES);
    },
    clear() {
      entries.length = 0;
    },
  };
}

/**
 * Reads the body once (kept as `c.var.body` for validation and idempotency) and records the
 * request in the log.
 *
 * @param log The request log.
 *
 * @returns The middleware.
 *
 * @example
 * ```ts
 * app.use('*', recordRequestMiddleware(state.requestLog));
 * ```
 *
 * @internal
 */
export function recordRequestMiddleware(log: RequestLog): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const text = await c.req.text();
    let body: ParsedBody = { kind: 'none' };
    if (text.trim().length > 0) {
      try {
        body = { kind: 'json', value: JSON.parse(text) };
      } catch {
        body = { kind: 'invalid', text };
      }
    }
    c.set('body', body);
    const url = new URL(c.req.url);
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    log.add({
      requestId: c.get('requestId'),
      method: c.req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: body.kind === 'json' ? body.value : body.kind === 'invalid' ? body.text : undefined,
    });
    return next();
  };
}
