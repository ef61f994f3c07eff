import { closedError, isCloseReason } from '../close-puguh-core';
import { NetworkError } from '../errors/network-error';
import type { CoreState } from '../internal/core-state';
import type { CallScope } from './call';
import { followSignal } from './follow-signal';

/**
 * Stage 2 of `sendRequest`: one signal for everything that stops the call — the caller's `signal`,
 * closing the core (or any core it derives from) and `totalTimeout` — plus the deadline the retry
 * decision checks. `followSignal` keeps at most one listener on each of those possibly long-lived,
 * widely shared signals. Throws at once if the core is closed or the signal already aborted.
 */
export function openCallScope(state: CoreState, callerSignal: AbortSignal | undefined): CallScope {
  const { lifecycles } = state;
  for (const lifecycle of lifecycles) if (lifecycle.signal.aborted) throw closedError();
  callerSignal?.throwIfAborted();
  const { totalTimeout } = state.defaults;
  // The common case — a root core, no caller signal, no totalTimeout — has one thing that can stop
  // the call: its core's close signal, which then serves as the scope's as it is.
  if (!callerSignal && totalTimeout === undefined && lifecycles.length === 1) {
    return {
      signal: (lifecycles[0] as AbortController).signal,
      deadline: Number.POSITIVE_INFINITY,
      close: noop,
    };
  }

  const controller = new AbortController();
  const unfollow = lifecycles.map((lifecycle) => followSignal(lifecycle.signal, controller));
  if (callerSignal) unfollow.push(followSignal(callerSignal, controller));
  const timer =
    totalTimeout === undefined
      ? undefined
      : setTimeout(
          () =>
            controller.abort(
              new NetworkError(`The call did not finish within totalTimeout (${totalTimeout} ms)`, {
                code: 'timeout',
              }),
            ),
          totalTimeout,
        );
  return {
    signal: controller.signal,
    deadline: totalTimeout === undefined ? Number.POSITIVE_INFINITY : Date.now() + totalTimeout,
    close() {
      clearTimeout(timer);
      for (const stop of unfollow) stop();
    },
  };
}

const noop = () => {};

/**
 * Why the scope ended, as the call rejects: the caller's own reason unchanged, the totalTimeout
 * error, or — when the core was closed — a `client_closed` error of this call's own (one shared
 * instance for hundreds of calls would make their stacks and any later mutation shared too).
 */
export function scopeEndReason(scope: CallScope): unknown {
  const { reason } = scope.signal;
  return isCloseReason(reason) ? closedError() : reason;
}
