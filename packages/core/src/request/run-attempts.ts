import type { Options as KyOptions } from 'ky';
import { loadKy } from '#ky-loader';
import { isPuguhError } from '../errors/puguh-error';
import type { Answer, AttemptRun, Call, CallScope } from './call';
import { decideRetry } from './decide-retry';
import { networkError } from './errors-from-answer';
import { scopeEndReason } from './open-call-scope';
import { type AttemptInit, sendAttempt, UnsuccessfulAnswer } from './send-attempt';

// Every method is retried: POST and PATCH always carry an Idempotency-Key (prepareCall), which
// lets the server replay the first result instead of applying a write twice.
const RETRY_METHODS = ['get', 'put', 'delete', 'head', 'post', 'patch'];
const NO_WAIT = () => 0;

/**
 * Stage 3 of `sendRequest`: the attempts of one call, run by ky's retry loop. Each attempt is
 * {@link sendAttempt} (handed to ky as its `fetch`; it keeps its own timeout and signal), each
 * retry decision and the wait before it {@link decideRetry}. ky builds no headers or body of ours,
 * runs no hooks, keeps no timer and gets no signal: passing the scope's signal would make ky join
 * it with its own through `AbortSignal.any` on every call, which costs more than it saves.
 *
 * Resolves with the last complete answer, whatever its status. Rejects when no answer arrived:
 * with the scope's reason once it ended (caller abort, `totalTimeout`, `client_closed`), else a
 * `NetworkError` (`timeout`, `connection_failed`, …) or the `AuthError` of a failed `accessToken`
 * function.
 */
export async function runAttempts(call: Call, scope: CallScope): Promise<Answer> {
  const run: AttemptRun = { call, scope, answer: undefined };
  const options: KyOptions & AttemptInit = {
    method: call.method,
    timeout: false,
    fetch: sendAttempt as unknown as typeof fetch,
    // With a retry decision of ours, ky reads no status list; without retries, ky needs none.
    retry:
      call.maxRetries === 0
        ? 0
        : {
            limit: call.maxRetries,
            methods: RETRY_METHODS,
            // The one closure made per call: it carries this call's run into ky's retry loop.
            shouldRetry: ({ error, retryCount }) => decideRetry(run, error, retryCount),
            delay: NO_WAIT,
          },
    puguhRun: run,
  };
  try {
    const ky = await loadKy();
    await ky(call.url, options);
  } catch (error) {
    if (scope.signal.aborted) throw scopeEndReason(scope);
    if (error instanceof UnsuccessfulAnswer && run.answer) return run.answer;
    throw isPuguhError(error) ? error : networkError(error);
  }
  return run.answer as Answer;
}
