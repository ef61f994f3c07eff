import type { MiddlewareHandler } from 'hono';
import { errorEnvelope } from './errors';
import type { AppEnv } from './state';

/**
 * Per-credential fixed-window limits.
 *
 * @public
 */
export interface RateLimitOptions {
  /** Requests allowed per window and credential. */
  readonly limit: number;
  /** The window length in milliseconds. */
  readonly windowMs: number;
}

/**
 * The outcome of counting one request.
 *
 * @example
 * ```ts
 * const { allowed, remaining } = limiter.hit('Bearer abc');
 * ```
 *
 * @internal
 */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Whole seconds until the window resets (at least 1 while it is open). */
  readonly resetSeconds: number;
}

/**
 * Counts requests per key in fixed windows.
 *
 * @example
 * ```ts
 * const limiter: RateLimiter = createRateLimiter({ limit: 10, windowMs: 1000 }, Date.now);
 * ```
 *
 * @internal
 */
export interface RateLimiter {
  hit(key: string): RateLimitDecision;
}

/**
 * Creates a fixed-window limiter.
 *
 * @param options The limit and window.
 * @param now The server's clock.
 *
 * @returns The limiter.
 *
 * @throws `RangeError` for a limit or window that is not a positive integer.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 }, Date.now);
 * limiter.hit('Bearer abc').remaining; // 1
 * ```
 *
 * @internal
 */
export function createRateLimiter(options: RateLimitOptions, now: () => number): RateLimiter {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new RangeError('rateLimit.limit must be an integer ≥ 1.');
  if (!Number.isInteger(options.windowMs) || options.windowMs < 1) {
    throw new RangeError('rateLimit.windowMs must be an integer ≥ 1.');
  }
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    hit(key) {
      const time = now();
      let window = windows.get(key);
      if (window === undefined || window.resetAt <= time) {
        // Drop expired windows now and then so one-off keys do not pile up.
        if (windows.size > 10_000)
          for (const [other, entry] of windows) if (entry.resetAt <= time) windows.delete(other);
        window = { count: 0, resetAt: time + options.windowMs };
        windows.set(key, window);
      }
      window.count++;
      return {
        allowed: window.count <= options.limit,
        limit: options.limit,
        remaining: Math.max(0, options.limit - window.count),
        resetSeconds: Math.max(1, Math.ceil((window.resetAt - time) / 1000)),
      };
    },
  };
}

/**
 * Limits each credential: the key is the `Authorization` header, else the client address
 * (`anonymous` in-process). Every response gets `RateLimit-Limit/-Remaining/-Reset`; an exceeded
 * limit answers `429 rate_limited` with `Retry-After` in seconds.
 *
 * @param limiter The limiter, or `undefined` when rate limiting is off (no headers then).
 *
 * @returns The middleware.
 *
 * @example
 * ```ts
 * app.use('*', rateLimitMiddleware(state.rateLimiter));
 * ```
 *
 * @internal
 */
export function rateLimitMiddleware(limiter: RateLimiter | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (limiter === undefined) return next();
    const key = c.req.header('authorization') ?? `address:${c.env.clientAddress ?? 'anonymous'}`;
    const decision = limiter.hit(key);
    if (decision.allowed) {
      await next();
    } else {
      c.res = c.json(
        errorEnvelope('rate_limited', `Too many requests; retry in ${decision.resetSeconds} s.`, {
          retry_after: decision.resetSeconds,
        }),
        429,
      );
      c.res.headers.set('retry-after', String(decision.resetSeconds));
    }
    // Headers an injected fault chose win over the real ones.
    const headers = c.res.headers;
    if (!headers.has('ratelimit-limit')) headers.set('ratelimit-limit', String(decision.limit));
    if (!headers.has('ratelimit-remaining')) headers.set('ratelimit-remaining', String(decision.remaining));
    if (!headers.has('ratelimit-reset')) headers.set('ratelimit-reset', String(decision.resetSeconds));
    return undefined;
  };
}
