import { PuguhError } from '../errors/puguh-error';
import { networkError } from './errors-from-answer';
import { wholeNumberHeader } from './retry-policy';
import { untilAborted } from './send-attempt';

/**
 * Reads a response body as text, refusing to buffer more than `limit` bytes. It runs inside the
 * attempt, so the attempt's timeout covers it: when `signal` aborts (timeout, cancellation,
 * close), the read stops and the stream is cancelled, which frees the connection — also with a
 * custom `fetch` that ignores the signal. A body cut off midway is a `NetworkError`
 * (`connection_reset`, retried like a failed connection); a runaway or hostile one is
 * `response_too_large`.
 */
export async function readBody(response: Response, limit: number, signal: AbortSignal): Promise<string> {
  const { body, headers, status } = response;
  if (!body) return '';
  const tooLarge = () =>
    new PuguhError(`The response body is larger than maxResponseBytes (${limit})`, {
      code: 'response_too_large',
      statusCode: status,
    });
  // `Content-Length` counts the bytes on the wire; with a `Content-Encoding`, fetch inflates them
  // and the length says nothing about what would be buffered.
  // Only a plain number counts: '' or 'abc' would pass `Number(…) > limit` and skip the cap.
  const length = headers.get('content-encoding') ? undefined : wholeNumberHeader(headers, 'content-length');
  if (length !== undefined && length > limit) {
    void body.cancel().catch(() => {});
    throw tooLarge();
  }
  // A length within the limit caps what can arrive: the platform's own reader is then the fastest
  // way to the text. Racing it against the signal keeps the attempt's deadline, also when a custom
  // `fetch` ignores the signal.
  if (length !== undefined) {
    try {
      return await untilAborted(response.text(), signal);
    } catch (cause) {
      throw signal.aborted ? signal.reason : networkError(cause);
    }
  }
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel);
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw signal.aborted ? signal.reason : networkError(cause);
      }
      // A cancelled read resolves as `done`: only the signal tells an abort from the real end.
      if (signal.aborted) throw signal.reason;
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limit) {
        cancel();
        throw tooLarge();
      }
      chunks.push(chunk.value);
    }
    return decode(chunks, size);
  } finally {
    signal.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}

const decoder = /* @__PURE__ */ new TextDecoder();

function decode(chunks: readonly Uint8Array[], size: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}
