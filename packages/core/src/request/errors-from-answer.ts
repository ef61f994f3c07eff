import { AuthError } from '../errors/auth-error';
import { NetworkError } from '../errors/network-error';
import { PuguhError } from '../errors/puguh-error';
import { RateLimitError } from '../errors/rate-limit-error';
import { boundDetails } from './bound-details';
import type { Answer } from './call';
import { parseRetryAfter } from './retry-policy';

/** The answer's `X-Request-Id`, cut to 128 characters (a hostile server may send 15,000). */
export const requestIdOf = (headers: Headers): string | undefined =>
  headers.get('x-request-id')?.slice(0, 128) || undefined;

/**
 * Maps a non-2xx answer to the PUGUH error class its status calls for, taking code, message
 * and details from the error envelope (or an OAuth-style `{error, error_description}` body), and
 * never failing itself, whatever the body is.
 */
export function errorFromAnswer(answer: Answer): PuguhError {
  const { status, headers, text } = answer;
  let code = 'non_json_response';
  let message: unknown;
  let details: unknown;
  try {
    const body = JSON.parse(text);
    const error = body?.error;
    code = typeof error?.code === 'string' ? error.code : typeof error === 'string' ? error : 'api_error';
    message = typeof error === 'string' ? body.error_description : error?.message;
    details = boundDetails(error?.details);
  } catch {}
  // Server text stays bounded: a code is a short identifier, or it is not the server's to set.
  if (!/^[\w.-]{1,64}$/.test(code)) code = 'api_error';
  const options = { code, statusCode: status, requestId: requestIdOf(headers), details };
  // Server text goes into `message`: keep it printable and short.
  const summary =
    typeof message === 'string'
      ? // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
        message.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 500)
      : `Request failed with status ${status}${headers.get('content-type') ? ` (${headers.get('content-type')?.split(';')[0]})` : ''}`;
  if (status === 401)
    return new AuthError(summary, code === 'api_error' ? { ...options, code: 'unauthorized' } : options);
  if (status === 429) {
    const retryAfter = parseRetryAfter(headers);
    return new RateLimitError(summary, {
      ...options,
      code: code === 'api_error' ? 'rate_limited' : code,
      retryAfter: Number.isNaN(retryAfter) ? undefined : retryAfter,
    });
  }
  if (status < 200 || (status > 299 && status < 400)) {
    return new PuguhError(`The API answered with a redirect (${status}); redirects are not followed`, {
      ...options,
      code: 'unexpected_redirect',
    });
  }
  return new PuguhError(summary, options);
}

/** Maps a `fetch` rejection or a failed body read to a {@link NetworkError}, keeping the cause. */
export function networkError(error: unknown): NetworkError {
  // The lowest `code` in the cause chain, such as undici's `ECONNREFUSED`.
  let errno: string | undefined;
  for (
    let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    if (typeof current.code === 'string') errno = current.code;
    current = current.cause as typeof current;
  }
  const reset =
    /^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/.test(errno ?? '') || (error as Error)?.message === 'terminated';
  return new NetworkError(`Could not reach the PUGUH API${errno ? ` (${errno})` : ''}`, {
    code: reset ? 'connection_reset' : 'connection_failed',
    cause: error,
    details: errno ? { errno } : undefined,
  });
}
