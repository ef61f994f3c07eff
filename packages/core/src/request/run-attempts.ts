import ky, { type Options as KyOptions } from 'ky';
import { AuthError } from '../errors/auth-error';
import { NetworkError } from '../errors/network-error';
import { isPuguhError } from '../errors/puguh-error';
import type { Answer, AttemptRun, Call, CallScope } from './call';
import { decideRetry } from './decide-retry';
import { networkError } from './errors-from-answer';
import { scopeEndReason } from './open-call-scope';
import { type AttemptInit, sendAttempt, UnsuccessfulAnswer } from './send-attempt';

// Every method is retried: POST and PATCH always carry an Idempotency-Key (prepareCall), which
// lets the server replay the first result instead of applying a write twice.
const RETRY_METHODS = ['get', 'put', 'delete', 'head', 'post', 'patch'];
const NONE: number[] = [];

/**
 * Stage 3 of `sendRequest`: the attempts of one call, run by ky — its retry loop, its per-attempt
 * timeout, its abortable backoff sleep. Each attempt is {@link sendAttempt} (handed to ky as its
 * `fetch`), each retry decision {@link decideRetry}. ky builds no headers or body of ours and runs
 * no hooks: the request it makes carries only the URL and the signal.
 *
 * Resolves with the last complete answer, whatever its status. Rejects when no answer arrived:
 * with the scope's reason once it ended (caller abort, `totalTimeout`, `client_closed`), else a
 * `NetworkError` (`timeout`, `connection_failed`, …) or the `AuthError` of a failed `accessToken`
 * function.
 */
export async function runAttempts(call: Call, scope: CallScope): Promise<Answer> {
  const run: AttemptRun = { call, scope, phase: 'response', answer: undefined, nextDelay: 0 };
  const options: KyOptions & AttemptInit = {
    method: call.method,
    signal: scope.signal,
    timeout: call.timeout,
    fetch: sendAttempt as unknown as typeof fetch,
    // The two closures are all that is made per call: they carry this call's run (its deadline,
    // its last answer) into ky's retry loop, which hands them nothing else.
    retry: {
      limit: call.maxRetries,
      methods: RETRY_METHODS,
      statusCodes: NONE,
      afterStatusCodes: NONE,
      shouldRetry: ({ error, retryCount }) => decideRetry(run, error, retryCount),
      delay: () => run.nextDelay,
    },
    puguhRun: run,
  };
  try {
    await ky(call.url, options);
  } catch (error) {
    if (scope.signal.aborted) throw scopeEndReason(scope);
    if (error instanceof UnsuccessfulAnswer && run.answer) return run.answer;
    throw failureOf(error, run);
  }
  return run.answer as Answer;
}

/** The error a call rejects with when an attempt got no answer. */
function failureOf(error: unknown, run: AttemptRun): unknown {
  if (isPuguhError(error)) return error;
  if ((error as Error)?.name !== 'TimeoutError') return networkError(error);
  const { timeout } = run.call;
  return run.phase === 'credential'
    ? new AuthError(`The accessToken function did not settle within the timeout (${timeout} ms)`, {
        code: 'token_provider_failed',
      })
    : new NetworkError(`No complete response within ${timeout} ms`, { code: 'timeout' });
}
