import { PuguhError } from './puguh-error';

/**
 * No complete response arrived: DNS failure, refused or reset connection, a body cut off, or a
 * timeout. `statusCode` is `undefined`; `code` is `timeout`, `connection_failed` or
 * `connection_reset`, and `cause` holds the runtime's original error.
 *
 * @example
 * ```ts
 * try {
 *   await getPlans(core);
 * } catch (error) {
 *   if (error instanceof NetworkError) console.warn(`PUGUH unreachable (${error.code})`);
 *   else throw error;
 * }
 * ```
 *
 * @public
 */
export class NetworkError extends PuguhError {
  /** @internal */
  static override readonly kind: string = 'NetworkError';
  override name = 'NetworkError';
}
