import { AuthError } from '../errors/auth-error';
import { NetworkError } from '../errors/network-error';
import { checkCredential } from '../internal/validate';
import type { Answer, AttemptRun } from './call';
import { networkError, requestIdOf } from './errors-from-answer';
import { followSignal } from './follow-signal';
import { readBody } from './read-body';

/** ky passes options it does not know to its `fetch`: this one carries the run of attempts. */
export interface AttemptInit {
  readonly puguhRun: AttemptRun;
}

/**
 * Thrown by an attempt whose answer is not a 2xx, so that ky's retry loop sees it; the answer
 * itself is in `run.answer`. It never leaves core.
 */
export class UnsuccessfulAnswer extends Error {
  override name = 'UnsuccessfulAnswer';
}

/**
 * Stage 3b of `sendRequest`: one attempt, as the `fetch` that ky calls (ky's own request object is
 * not used: it carries nothing of ours). The attempt has its own signal, which the call's scope
 * (caller signal, `totalTimeout`, `close()`) and the attempt's `timeout` both abort, so everything
 * here — waiting for an `accessToken` function, the headers, the whole body — happens under all of
 * them. Reading the body here rather than in an `afterResponse` hook also spares ky's copy of every
 * response.
 *
 * Resolves with the response of a 2xx answer (its text in `run.answer`); throws
 * {@link UnsuccessfulAnswer} for any other status, a `NetworkError` when no complete answer
 * arrived (`timeout` when the attempt ran out of time), and `AuthError` `token_provider_failed`
 * when the `accessToken` function failed or did not settle in time.
 */
export async function sendAttempt(_request: Request, init: AttemptInit): Promise<Response> {
  const run = init.puguhRun;
  const { call, scope } = run;
  scope.signal.throwIfAborted();
  const { credentials, logger, defaults } = call.state;
  const attempt = new AbortController();
  const { signal } = attempt;
  const unfollow = followSignal(scope.signal, attempt);
  let waitingForToken = false;
  const timer = setTimeout(
    () =>
      attempt.abort(
        waitingForToken
          ? new AuthError(`The accessToken function did not settle within the timeout (${call.timeout} ms)`, {
              code: 'token_provider_failed',
            })
          : new NetworkError(`No complete response within ${call.timeout} ms`, { code: 'timeout' }),
      ),
    call.timeout,
  );
  run.answer = undefined;
  call.attempts += 1;
  try {
    let generation: number | undefined;
    if (call.authenticate && credentials.mode !== 'none') {
      generation = credentials.mode === 'user' ? credentials.generation() : undefined;
      let token = credentials.token();
      if (typeof token !== 'string') {
        waitingForToken = true;
        token = await resolveToken(token, signal);
        waitingForToken = false;
      }
      call.headers.authorization = `Bearer ${token}`;
    }
    logger?.debug('puguh request', { method: call.method, path: call.path });
    let response: Response;
    try {
      const { fetch: customFetch } = call.state;
      const init: RequestInit = {
        method: call.method,
        headers: call.headers,
        body: call.body ?? null,
        signal,
        // Credentials must never follow a redirect to another origin: every 3xx is an error instead.
        redirect: 'manual',
      };
      // The platform's fetch honours the signal; a custom one may ignore it, so only that one is
      // raced against it (a race costs a promise and a listener per attempt).
      response = customFetch
        ? await untilAborted(customFetch(call.url, init), signal)
        : await globalThis.fetch(call.url, init);
    } catch (error) {
      throw signal.aborted ? signal.reason : networkError(error);
    }
    const answer: Answer = {
      status: response.status,
      headers: response.headers,
      text: await readBody(response, defaults.maxResponseBytes, signal),
      generation,
    };
    run.answer = answer;
    call.lastAnswer = answer;
    logger?.debug('puguh response', {
      method: call.method,
      path: call.path,
      status: answer.status,
      requestId: requestIdOf(answer.headers),
    });
    if (answer.status < 200 || answer.status > 299) throw new UnsuccessfulAnswer(`HTTP ${answer.status}`);
    return response;
  } finally {
    clearTimeout(timer);
    unfollow();
  }
}

/** The token from an `accessToken` function, given up when `signal` aborts. */
async function resolveToken(token: Promise<unknown> | undefined, signal: AbortSignal): Promise<string> {
  try {
    return checkCredential('accessToken', await untilAborted(token, signal));
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw new AuthError('The accessToken function failed or returned no usable token', {
      code: 'token_provider_failed',
      cause,
    });
  }
}

/** Settles like `promise`, or rejects with the reason as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T> | T, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(promise)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
