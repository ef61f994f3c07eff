import { PuguhError, type PuguhErrorOptions } from './puguh-error';

/**
 * Options of {@link RateLimitError}.
 *
 * @public
 */
export interface RateLimitErrorOptions extends PuguhErrorOptions {
  /** Seconds the server asked to wait, when it said. */
  readonly retryAfter?: number | undefined;
}

/**
 * The API throttled the caller (HTTP 429) and the SDK did not retry (retries exhausted, or the
 * server asked for a wait longer than `maxRetryAfter`).
 *
 * @example
 * ```ts
 * try {
 *   await getPlans(core);
 * } catch (error) {
 *   if (error instanceof RateLimitError) console.warn(`retry in ${error.retryAfter ?? 'a few'} s`);
 *   else throw error;
 * }
 * ```
 *
 * @public
 */
export class RateLimitError extends PuguhError {
  /** @internal */
  static override readonly kind: string = 'RateLimitError';
  override name = 'RateLimitError';
  /**
   * Seconds to wait before retrying, from `Retry-After` (seconds or HTTP date) or `retry-after-ms`:
   * a finite number ≥ 0, or `undefined` when the server gave none (or gave one that is unreadable).
   */
  readonly retryAfter: number | undefined;

  /**
   * @param message Human-readable text.
   * @param options Status, request id and `retryAfter`.
   */
  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super(message, { code: 'rate_limited', ...options });
    this.retryAfter = options.retryAfter;
  }
}
