import { AuthError } from '../errors/auth-error';
import { NetworkError } from '../errors/network-error';
import { PuguhError } from '../errors/puguh-error';
import { RateLimitError } from '../errors/rate-limit-error';

/** Server text goes into `message`: keep it printable and short. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 500);

/**
 * Maps a non-2xx response to the PUGUH error class its status calls for, taking code, message
 * and details from the error envelope (or an OAuth-style `{error, error_description}` body), and
 * never failing itself, whatever the body is.
 */
export function errorFromResponse(
  response: Response,
  text: string,
  retryAfter: number | undefined,
): PuguhError {
  const { status } = response;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  let code: string | undefined;
  let message: string | undefined;
  let details: unknown;
  try {
    const body: unknown = JSON.parse(text);
    const envelope = (body as { error?: unknown } | null)?.error;
    if (typeof envelope === 'object' && envelope !== null) {
      const error = envelope as { code?: unknown; message?: unknown; details?: unknown };
      if (typeof error.code === 'string') code = error.code;
      if (typeof error.message === 'string') message = error.message;
      details = error.details;
    } else if (typeof envelope === 'string') {
      code = envelope;
      const description = (body as { error_description?: unknown }).error_description;
      if (typeof description === 'string') message = description;
    }
    code ??= 'api_error';
  } catch {
    code = 'non_json_response';
  }
  const type = response.headers.get('content-type')?.split(';')[0];
  message = clean(message ?? `Request failed with status ${status}${type ? ` (${type})` : ''}`);
  const options = { code, statusCode: status, requestId, details };
  if (status === 401)
    return new AuthError(message, code === 'api_error' ? { ...options, code: 'unauthorized' } : options);
  if (status === 429) {
    const retryAfterSeconds =
      retryAfter !== undefined && Number.isFinite(retryAfter) ? retryAfter : undefined;
    return new RateLimitError(message, {
      ...options,
      code: code === 'api_error' ? 'rate_limited' : code,
      retryAfter: retryAfterSeconds,
    });
  }
  if (status < 200 || (status >= 300 && status < 400)) {
    return new PuguhError(`The API answered with a redirect (${status}); redirects are not followed`, {
      ...options,
      code: 'unexpected_redirect',
    });
  }
  return new PuguhError(message, options);
}

/** The lowest `code` in an error's `cause` chain, such as undici's `ECONNREFUSED`. */
function systemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a `fetch` rejection or a failed body read to a {@link NetworkError}. */
export function networkError(error: unknown): NetworkError {
  const errno = systemCode(error);
  const reset =
    errno === 'ECONNRESET' ||
    errno === 'EPIPE' ||
    errno === 'UND_ERR_SOCKET' ||
    (error instanceof Error && error.message === 'terminated');
  return new NetworkError(`Could not reach the PUGUH API${errno ? ` (${errno})` : ''}`, {
    code: reset ? 'connection_reset' : 'connection_failed',
    cause: error,
    details: errno ? { errno } : undefined,
  });
}
