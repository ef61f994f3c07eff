import { callSafely } from '../internal/call-safely';
import type { RateLimitState, ResponseHook, ResponseInfo } from '../response-info';
import type { Answer, Call } from './call';
import { requestIdOf } from './errors-from-answer';
import { wholeNumberHeader } from './retry-policy';

/** The `RateLimit-*` state of an answer. */
export const rateLimitOf = (headers: Headers): RateLimitState => ({
  limit: wholeNumberHeader(headers, 'ratelimit-limit'),
  remaining: wholeNumberHeader(headers, 'ratelimit-remaining'),
  resetSeconds: wholeNumberHeader(headers, 'ratelimit-reset'),
});

/**
 * The last step of `sendRequest` for a call that got an answer: tells the core's `onResponse`,
 * then the call's, about the final answer. Nothing is built when neither hook is set.
 */
export function reportResponse(call: Call, answer: Answer, callHook: ResponseHook | undefined): void {
  let info: ResponseInfo | undefined;
  for (const hook of [call.state.onResponse, callHook]) {
    if (!hook) continue;
    if (!info) {
      const headers: Record<string, string> = {};
      for (const [name, value] of answer.headers) if (name !== 'set-cookie') headers[name] = value;
      info = {
        method: call.method,
        path: call.path,
        status: answer.status,
        requestId: requestIdOf(answer.headers),
        rateLimit: rateLimitOf(answer.headers),
        attempts: call.attempts,
        idempotencyKey: call.headers['idempotency-key'],
        durationMs: Date.now() - call.startedAt,
        headers: Object.freeze(headers),
      };
    }
    callSafely(call.state.logger, 'onResponse', hook, info);
  }
}
