import type { MiddlewareHandler } from 'hono';
import { errorEnvelope } from './errors';
import type { AppEnv, ParsedBody } from './state';

interface StoredResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: ArrayBuffer;
}

interface IdempotencyEntry {
  readonly fingerprint: string;
  readonly expiresAt: number;
  /** Set while the first request with this key is still running. */
  pending: Promise<void> | undefined;
  response: StoredResponse | undefined;
}

/**
 * The stored first responses, by caller and key.
 *
 * @example
 * ```ts
 * const store = createIdempotencyStore();
 * store.entries.size; // 0
 * ```
 *
 * @internal
 */
export interface IdempotencyStore {
  readonly entries: Map<string, IdempotencyEntry>;
}

/** Keys are kept for a day, as hosted APIs commonly do. */
const RETENTION_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;

/**
 * Creates an empty idempotency store.
 *
 * @returns The store.
 *
 * @example
 * ```ts
 * const idempotency = createIdempotencyStore();
 * ```
 *
 * @internal
 */
export function createIdempotencyStore(): IdempotencyStore {
  return { entries: new Map() };
}

/**
 * Honours `Idempotency-Key` on POST and PATCH: the first response for (caller, key) is stored and
 * replayed with `Idempotent-Replayed: true`; the same key with another method, path or body is
 * `422 idempotency_key_reused`. A request that arrives while the first is still running waits for
 * it. 5xx and 429 answers are not stored, so a retry after a transient failure runs the handler.
 *
 * @param store The idempotency store.
 * @param now The server's clock.
 *
 * @returns The middleware.
 *
 * @example
 * ```ts
 * app.use('*', idempotencyMiddleware(state.idempotency, state.now));
 * ```
 *
 * @internal
 */
export function idempotencyMiddleware(store: IdempotencyStore, now: () => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if ((c.req.method !== 'POST' && c.req.method !== 'PATCH') || key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      return c.json(
        errorEnvelope('invalid_request', 'The Idempotency-Key header is invalid.', {
          fields: { 'Idempotency-Key': `must be 1 to ${MAX_KEY_LENGTH} characters` },
        }),
        400,
      );
    }
    const caller = c.req.header('authorization') ?? `address:${c.env.clientAddress ?? 'anonymous'}`;
    const storeKey = `${caller}\n${key}`;
    const url = new URL(c.req.url);
    const fingerprint = `${c.req.method} ${url.pathname}${url.search}\n${canonicalBody(c.get('body'))}`;

    for (;;) {
      const entry = store.entries.get(storeKey);
      if (entry === undefined) break;
      if (entry.expiresAt <= now()) {
        store.entries.delete(storeKey);
        break;
      }
      if (entry.fingerprint !== fingerprint) {
        return c.json(
          errorEnvelope(
            'idempotency_key_reused',
            'This Idempotency-Key was already used with a different method, path or body.',
          ),
          422,
        );
      }
      if (entry.pending !== undefined) {
        await entry.pending;
        continue;
      }
      if (entry.response !== undefined) {
        const headers = new Headers(entry.response.headers as [string, string][]);
        headers.set('idempotent-replayed', 'true');
        return new Response(entry.response.body.slice(0), { status: entry.response.status, headers });
      }
      break;
    }

    let finish: () => void = () => undefined;
    const entry: IdempotencyEntry = {
      fingerprint,
      expiresAt: now() + RETENTION_MS,
      pending: new Promise((resolve) => {
        finish = resolve;
      }),
      response: undefined,
    };
    store.entries.set(storeKey, entry);
    try {
      await next();
      const status = c.res.status;
      if (status >= 500 || status === 429) {
        store.entries.delete(storeKey);
      } else {
        entry.response = {
          status,
          headers: [...c.res.headers.entries()],
          body: await c.res.clone().arrayBuffer(),
        };
      }
    } catch (error) {
      store.entries.delete(storeKey);
      throw error;
    } finally {
      entry.pending = undefined;
      finish();
    }
    return undefined;
  };
}

/** Key order in a JSON body does not make it a different body. */
function canonicalBody(body: ParsedBody): string {
  if (body.kind === 'none') return '';
  if (body.kind === 'invalid') return `text:${body.text}`;
  return `json:${stableStringify(body.value)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([left], [right]) =>
      left < right ? -1 : left > right ? 1 : 0,
    );
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
