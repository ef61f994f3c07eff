import { PuguhError } from '../errors/puguh-error';

/**
 * Reads a response body as text, refusing to buffer more than `limit` bytes: a runaway or hostile
 * body is cancelled (freeing the socket) instead of exhausting memory. The caller's attempt signal
 * aborts the read, which is what makes the per-attempt timeout cover the body.
 */
export async function readBody(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    await response.body.cancel().catch(() => {});
    throw tooLarge(response, limit);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(response, limit);
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(response: Response, limit: number): PuguhError {
  return new PuguhError(`The response body is larger than maxResponseBytes (${limit})`, {
    code: 'response_too_large',
    statusCode: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
  });
}
