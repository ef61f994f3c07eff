import { AuthError } from '../errors/auth-error';
import { checkCredential } from '../internal/validate';
import type { Answer, AttemptRun } from './call';
import { networkError } from './errors-from-answer';
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
 * Stage 3b of `sendRequest`: one attempt, as the `fetch` that ky calls. ky has already started the
 * attempt's timeout and joined it with the call's scope in `request.signal`, so everything here —
 * waiting for an `accessToken` function, the headers, the whole body — happens under the attempt's
 * timeout, the caller's signal, `totalTimeout` and `close()`. Reading the body here rather than in
 * an `afterResponse` hook also spares ky's copy of every response.
 *
 * Resolves with the response of a 2xx answer (its text in `run.answer`); throws
 * {@link UnsuccessfulAnswer} for any other status, a `NetworkError` when no complete answer
 * arrived, and `AuthError` `token_provider_failed` when the `accessToken` function failed.
 */
export async function sendAttempt(request: Request, init: AttemptInit): Promise<Response> {
  const run = init.puguhRun;
  const { call } = run;
  const { signal } = request;
  const { credentials, logger } = call.state;
  run.answer = undefined;
  let generation: number | undefined;
  if (call.authenticate && credentials.mode !== 'none') {
    run.phase = 'credential';
    generation = credentials.generation();
    const token = await resolveToken(credentials.token(), signal);
    call.headers.authorization = `Bearer ${token}`;
    if (credentials.mode === 'apiKey') generation = undefined;
  }
  run.phase = 'response';
  logger?.debug('puguh request', { method: call.method, path: call.path });
  let response: Response;
  try {
    response = await (call.state.fetch ?? globalThis.fetch)(request.url, {
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      signal,
      // Credentials must never follow a redirect to another origin: every 3xx is an error instead.
      redirect: 'manual',
    });
  } catch (error) {
    throw networkError(error);
  }
  const answer: Answer = {
    status: response.status,
    headers: response.headers,
    text: await readBody(response, call.state.defaults.maxResponseBytes, signal),
    generation,
  };
  run.answer = answer;
  logger?.debug('puguh response', {
    method: call.method,
    path: call.path,
    status: answer.status,
    requestId: answer.headers.get('x-request-id') ?? undefined,
  });
  if (answer.status < 200 || answer.status > 299) throw new UnsuccessfulAnswer(`HTTP ${answer.status}`);
  return response;
}

/** The token from a key, a fixed token or an `accessToken` function, given up when `signal` aborts. */
async function resolveToken(token: string | Promise<unknown> | undefined, signal: AbortSignal) {
  if (typeof token === 'string') return token;
  try {
    return checkCredential('accessToken', await untilAborted(token, signal));
  } catch (cause) {
    if (signal.aborted) throw cause;
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
