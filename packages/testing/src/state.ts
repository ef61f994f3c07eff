import type { FaultQueue } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { OutboxSender } from './outbox';
import type { RandomSource } from './random';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import type { Store } from './store';
import type { KeyRing } from './tokens';

/**
 * Everything one local API holds; the routes and middleware receive it instead of module globals,
 * so several servers can run side by side in one process.
 *
 * @example
 * ```ts
 * const caller = await authenticate(c, state);
 * ```
 *
 * @internal
 */
export interface ServerState {
  readonly now: () => number;
  readonly random: RandomSource;
  /** Request ids come from their own stream, so that reads do not shift the seeded ids of records. */
  readonly requestIds: RandomSource;
  readonly store: Store;
  readonly keys: KeyRing;
  readonly outbox: OutboxSender;
  readonly faults: FaultQueue;
  readonly rateLimiter: RateLimiter | undefined;
  readonly idempotency: IdempotencyStore;
  readonly requestLog: RequestLog;
  readonly apiKey: string;
  readonly accessTokenTtlSeconds: number;
  readonly magicLinkTtlSeconds: number;
  /**
   * Start-up work (seeded users), begun by the first request and awaited by every request. Not
   * begun at creation: workerd refuses crypto at a module's top level.
   */
  readonly ready: () => Promise<void>;
}

/**
 * The request body as read once by the request log: absent, JSON, or text that is not JSON.
 *
 * @example
 * ```ts
 * const body: ParsedBody = c.get('body'); // { kind: 'json', value: { … } }
 * ```
 *
 * @internal
 */
export type ParsedBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'invalid'; readonly text: string };

/**
 * Lets a fault talk to the transport: drop the connection instead of answering, or warn that the
 * body will never finish.
 *
 * @example
 * ```ts
 * c.env.connection.reset = true; // the transport drops the connection
 * ```
 *
 * @internal
 */
export interface ConnectionControl {
  reset: boolean;
  stalled: boolean;
}

/**
 * The hono environment of the app: per-request bindings from the transport, and variables the
 * middleware sets.
 *
 * @example
 * ```ts
 * const app = new Hono<AppEnv>();
 * ```
 *
 * @internal
 */
export interface AppEnv {
  Bindings: {
    /** The peer address on a real socket; absent in-process. */
    readonly clientAddress?: string | undefined;
    readonly connection: ConnectionControl;
  };
  Variables: {
    requestId: string;
    body: ParsedBody;
  };
}

/**
 * Formats epoch milliseconds as the wire's ISO 8601 UTC timestamp.
 *
 * @param ms Milliseconds since the epoch.
 *
 * @returns E.g. `2026-11-27T10:00:00.000Z`.
 *
 * @example
 * ```ts
 * iso(0); // '1970-01-01T00:00:00.000Z'
 * ```
 *
 * @internal
 */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
