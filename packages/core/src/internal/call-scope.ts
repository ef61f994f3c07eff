import { closedError } from '../close-puguh-core';
import { NetworkError } from '../errors/network-error';
import type { Lifecycle } from './core-state';

/** One attempt's abort signal and whether its own timeout fired. */
export interface AttemptScope {
  readonly signal: AbortSignal;
  readonly timedOut: () => boolean;
  readonly dispose: () => void;
}

/**
 * Everything that can stop one call: the caller's signal, closing the core, and `totalTimeout`.
 * Every listener and timer it adds is removed by `dispose()`, so a long-lived caller signal
 * shared by thousands of calls gains no listeners and no timer outlives its call.
 */
export interface CallScope {
  /** The error to throw once the call was stopped, else `undefined`. */
  readonly stopped: () => unknown;
  /** Whether a sleep of `ms` would still end before the call's deadline. */
  readonly fits: (ms: number) => boolean;
  /** Starts an attempt bounded by `timeout` and by the call itself. */
  readonly attempt: (timeout: number) => AttemptScope;
  /** Waits `ms`, or rejects as soon as the call is stopped. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Settles like `promise`, or rejects as soon as the call is stopped. */
  readonly guard: <T>(promise: Promise<T>) => Promise<T>;
  readonly dispose: () => void;
}

export function openCallScope(
  lifecycles: readonly Lifecycle[],
  callerSignal: AbortSignal | undefined,
  totalTimeout: number | undefined,
): CallScope {
  const controller = new AbortController();
  const { signal } = controller;
  const cleanups: Array<() => void> = [];
  const stop = (reason: unknown) => controller.abort(reason);
  const follow = (source: AbortSignal, reason: () => unknown) => {
    if (source.aborted) return stop(reason());
    const onAbort = () => stop(reason());
    source.addEventListener('abort', onAbort);
    cleanups.push(() => source.removeEventListener('abort', onAbort));
  };
  // A caller's abort wins over everything else and is rethrown as given (like fetch does).
  if (callerSignal) follow(callerSignal, () => callerSignal.reason);
  for (const { controller: lifecycle } of lifecycles) follow(lifecycle.signal, closedError);
  const deadline = totalTimeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + totalTimeout;
  if (totalTimeout !== undefined && !signal.aborted) {
    const timer = setTimeout(
      () =>
        stop(
          new NetworkError(`The call did not finish within totalTimeout (${totalTimeout} ms)`, {
            code: 'timeout',
          }),
        ),
      totalTimeout,
    );
    cleanups.push(() => clearTimeout(timer));
  }

  /** Runs `settle` once `signal` aborts; returns the function that stops listening. */
  const onStop = (settle: () => void) => {
    signal.addEventListener('abort', settle);
    return () => signal.removeEventListener('abort', settle);
  };

  return {
    stopped: () => (signal.aborted ? signal.reason : undefined),
    fits: (ms) => Date.now() + ms < deadline,
    attempt(timeout) {
      const attempt = new AbortController();
      let timedOut = false;
      const forget = onStop(() => attempt.abort(signal.reason));
      if (signal.aborted) attempt.abort(signal.reason);
      const timer = setTimeout(() => {
        timedOut = true;
        attempt.abort(new NetworkError(`No complete response within ${timeout} ms`, { code: 'timeout' }));
      }, timeout);
      return {
        signal: attempt.signal,
        timedOut: () => timedOut,
        dispose() {
          clearTimeout(timer);
          forget();
        },
      };
    },
    sleep(ms) {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const forget = onStop(() => {
          clearTimeout(timer);
          reject(signal.reason);
        });
        const timer = setTimeout(() => {
          forget();
          resolve();
        }, ms);
      });
    },
    guard(promise) {
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const forget = onStop(() => reject(signal.reason));
        promise.then(
          (value) => {
            forget();
            resolve(value);
          },
          (error: unknown) => {
            forget();
            reject(error);
          },
        );
      });
    },
    dispose() {
      for (const cleanup of cleanups) cleanup();
      // Aborting our own controller releases any listener an in-flight fetch added to it.
      if (!signal.aborted) controller.abort();
    },
  };
}
