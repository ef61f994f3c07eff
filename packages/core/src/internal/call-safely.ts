import type { PuguhLogger } from '../options';

/**
 * Calls a user callback that must not change the outcome of anything (`onTokens`, `onResponse`):
 * not awaited, and a throw or a rejection goes to the logger — `warn` when it has one, else
 * `debug` — instead of to the caller.
 *
 * @example
 * ```ts
 * callSafely(logger, 'onTokens', onTokens, tokens);
 * ```
 */
export function callSafely<T>(
  logger: PuguhLogger | undefined,
  name: string,
  callback: (value: T) => unknown,
  value: T,
): void {
  const report = (error: unknown) => {
    const message = `puguh ${name} failed; the call's result is unchanged`;
    if (logger?.warn) logger.warn(message, { error });
    else logger?.debug(message, { error });
  };
  try {
    Promise.resolve(callback(value)).catch(report);
  } catch (error) {
    report(error);
  }
}
