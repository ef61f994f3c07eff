import { NetworkError } from '../errors/network-error';
import type { AttemptRun } from './call';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';
import { UnsuccessfulAnswer } from './send-attempt';

/**
 * Stage 3c of `sendRequest`: whether a failed attempt is worth another, and after how long. ky
 * asks this after every failure (its `shouldRetry`); the whole decision is ours, because ky 1
 * would sleep a capped or unreadable `Retry-After` instead of failing fast, and reads
 * `RateLimit-Reset` as a wait. The chosen delay goes to `run.nextDelay`, which ky sleeps
 * (abortably) before the next attempt.
 *
 * Retried: network errors, attempt timeouts, a body cut off, and 408/429/500/502/503/504.
 * Never: anything after the call's scope ended, a `Retry-After` longer than `maxRetryAfter` or
 * unreadable, a retry that would start after `totalTimeout`, a hung or failing `accessToken`
 * function, and every other status or error.
 */
export function decideRetry(run: AttemptRun, error: unknown, retryCount: number): boolean {
  const { call, scope } = run;
  if (scope.signal.aborted) return false;
  let delay = backoffDelay(retryCount - 1);
  const answer = error instanceof UnsuccessfulAnswer ? run.answer : undefined;
  if (answer) {
    if (!isRetryableStatus(answer.status)) return false;
    const seconds = parseRetryAfter(answer.headers);
    if (seconds !== undefined) delay = seconds * 1000;
    if (!(delay <= call.state.defaults.maxRetryAfter)) return false;
  } else if ((error as Error).name === 'TimeoutError') {
    if (run.phase === 'credential') return false;
  } else if (!(error instanceof NetworkError)) {
    return false;
  }
  if (!(Date.now() + delay < scope.deadline)) return false;
  run.nextDelay = delay;
  call.state.logger?.debug('puguh retry', {
    method: call.method,
    path: call.path,
    status: answer?.status,
    delayMs: Math.round(delay),
  });
  return true;
}
