import { NetworkError } from '../errors/network-error';
import { isPuguhError } from '../errors/puguh-error';
import type { Answer, Call, CallScope } from './call';
import { followSignal } from './follow-signal';
import { scopeEndReason } from './open-call-scope';
import { runAttempts } from './run-attempts';
import { untilAborted } from './send-attempt';

/**
 * Stage 4 of `sendRequest`: a 401 on a call sent with a user token, when the session can refresh,
 * waits for the session's one shared refresh and replays the call once with the new token. Any
 * other answer passes through, and so does the replay's answer (a second 401 is final: never a
 * refresh loop).
 *
 * The refresh itself belongs to the root core's session (its lifecycle, no tenant headers); only
 * this call's wait for it is bounded here — by the call's `timeout`, its `signal`, `totalTimeout`
 * and `close()` — so a derived core that closes rejects its own waiters and nobody else's.
 */
export async function refreshAndReplay(call: Call, scope: CallScope, answer: Answer): Promise<Answer> {
  const { refresh } = call.state.credentials;
  if (answer.status !== 401 || answer.generation === undefined || !refresh || !call.authenticate) {
    return answer;
  }
  call.state.logger?.debug('puguh refresh', { method: call.method, path: call.path });
  await waitAtMost(refresh(answer.generation), scope, call.timeout);
  return runAttempts(call, scope);
}

/** Waits for `promise` within `timeout` ms and the call's scope. */
async function waitAtMost(promise: Promise<void>, scope: CallScope, timeout: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new NetworkError(`The session refresh did not finish within the timeout (${timeout} ms)`, {
            code: 'timeout',
          }),
        ),
      timeout,
    );
  });
  // A local signal following the scope's: many waiters on a core's shared close signal add one
  // listener to it, not one each.
  const local = new AbortController();
  const unfollow = followSignal(scope.signal, local);
  try {
    await untilAborted(Promise.race([promise, expired]), local.signal);
  } catch (error) {
    if (scope.signal.aborted) throw scopeEndReason(scope);
    // A failed refresh rejects every waiter with one error: each call gets its own copy, so that
    // what sendRequest records on it (attempts, rate limit) is that call's.
    throw isPuguhError(error)
      ? Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error))
      : error;
  } finally {
    clearTimeout(timer);
    unfollow();
  }
}
