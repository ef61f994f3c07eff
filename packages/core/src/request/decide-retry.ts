import { NetworkError } from '../errors/network-error';
import type { AttemptRun } from './call';
import { followSignal } from './follow-signal';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';
import { UnsuccessfulAnswer, untilAborted } from './send-attempt';

/**
 * Stage 3c of `sendRequest`: whether a failed attempt is worth another, and the wait before it.
 * ky asks this after every failure (its `shouldRetry`); the whole decision is ours, because ky 1
 * would sleep a capped or unreadable `Retry-After` instead of failing fast, and reads
 * `RateLimit-Reset` as a wait. The wait is slept here, under the call's scope, so a caller abort,
 * `totalTimeout` or `close()` ends it at once; ky then sleeps nothing.
 *
 * Retried: network errors, attempt timeouts, a body cut off, and 408/429/500/502/503/504.
 * Never: anything after the call's scope ended, a `Retry-After` longer than `maxRetryAfter` or
 * unreadable, a retry that would start after `totalTimeout`, a hung or failing `accessToken`
 * function (an `AuthError`), and every other status or error.
 */
export async function decideRetry(run: AttemptRun, error: unknown, retryCount: number): Promise<boolean> {
  const { call, scope } = run;
  if (scope.signal.aborted) return false;
  let delay = backoffDelay(retryCount - 1);
  const answer = error instanceof UnsuccessfulAnswer ? run.answer : undefined;
  if (answer) {
    if (!isRetryableStatus(answer.status)) return false;
    const seconds = parseRetryAfter(answer.headers);
    if (seconds !== undefined) delay = seconds * 1000;
    if (!(delay <= call.state.defaults.maxRetryAfter)) return false;
  } else if (!(error instanceof NetworkError)) {
    return false;
  }
  if (!(Date.now() + delay < scope.deadline)) return false;
  call.state.logger?.debug('puguh retry', {
    method: call.method,
    path: call.path,
    status: answer?.status,
    delayMs: Math.round(delay),
  });
  await sleep(delay, scope.signal);
  return true;
}

/**
 * Waits `ms`, or rejects with the reason as soon as `scope` aborts. Through `followSignal`, so a
 * thousand calls sleeping on a core's shared close signal add one listener to it, not a thousand.
 */
async function sleep(ms: number, scope: AbortSignal): Promise<void> {
  const local = new AbortController();
  const unfollow = followSignal(scope, local);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await untilAborted(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), local.signal);
  } finally {
    clearTimeout(timer);
    unfollow();
  }
}
