import { callSafely } from '../internal/call-safely';
import type { RateLimitState, ResponseHook, ResponseInfo } from '../response-info';
import type { Answer, Call } from './call';

/** A header that holds a whole number, else `undefined` (absent, empty, `abc`, `1e3`, 400 digits). */
const wholeNumber = (headers: Headers, name: string) => {
  const value = headers.get(name);
  return value !== null && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : undefined;
};

/** The `RateLimit-*` state of an answer. */
export const rateLimitOf = (headers: Headers): RateLimitState => ({
  limit: wholeNumber(headers, 'ratelimit-limit'),
  remaining: wholeNumber(headers, 'ratelimit-remaining'),
  resetSeconds: wholeNumber(headers, 'ratelimit-reset'),
});

/**
 * The last step of `sendRequest` for a call that got an answer: tells the core's `onResponse`,
 * then the call's, about the final answer. Nothing is built when neither hook is set.
 */
export function reportResponse(call: Call, answer: Answer, callHook: ResponseHook | undefined): void {
  const { onResponse, logger } = call.state;
  if (!onResponse && !callHook) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of answer.headers) if (name !== 'set-cookie') headers[name] = value;
  const info: ResponseInfo = Object.freeze({
    method: call.method,
    path: call.path,
    status: answer.status,
    requestId: headers['x-request-id'],
    rateLimit: Object.freeze(rateLimitOf(answer.headers)),
    attempts: call.attempts,
    idempotencyKey: call.headers['idempotency-key'],
    durationMs: Date.now() - call.startedAt,
    headers: Object.freeze(headers),
  });
  for (const hook of [onResponse, callHook]) if (hook) callSafely(logger, 'onResponse', hook, info);
}
