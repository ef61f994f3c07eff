import { NetworkError } from '../errors/network-error';
import { PuguhError } from '../errors/puguh-error';

/**
 * Reads a response body as text within `deadline` ms, refusing to buffer more than `limit` bytes.
 * A body that stalls or trickles is a timeout (the deadline is total, not idle time), and a
 * runaway or hostile body is refused instead of exhausting memory. Either way the stream is
 * cancelled, which frees the connection.
 */
export async function readBody(response: Response, limit: number, deadline: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    void reader.cancel().catch(() => {});
  }, deadline);
  try {
    const decoder = new TextDecoder();
    let text = '';
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      // A cancelled read resolves as `done`: only the flag tells a timeout from the real end.
      if (expired)
        throw new NetworkError('No complete response body within the timeout', { code: 'timeout' });
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => {});
        throw new PuguhError(`The response body is larger than maxResponseBytes (${limit})`, {
          code: 'response_too_large',
          statusCode: response.status,
        });
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    // Unlocked, the stream can be cancelled cheaply by ky (which tees responses for its hooks)
    // instead of throwing a "stream is locked" TypeError on every request.
    reader.releaseLock();
  }
}
