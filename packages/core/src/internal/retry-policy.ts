/** Statuses worth another attempt: the server or something in front of it may recover. */
export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504
  );
}

/**
 * Methods safe to send again. POST and PATCH are safe only with an `Idempotency-Key`, which the
 * server uses to replay the first result instead of applying the write twice.
 */
export function isRetryableMethod(method: string, headers: Headers): boolean {
  return (method !== 'POST' && method !== 'PATCH') || headers.has('idempotency-key');
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * "Full jitter" exponential backoff: a uniform random delay up to `min(8 s, 0.5 s · 2^retry)`,
 * so clients that failed together do not come back together.
 */
export function backoffDelay(retryIndex: number): number {
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retryIndex);
}

/**
 * The wait the server asked for, in seconds: `retry-after-ms` first (0 included), then
 * `Retry-After` as delay-seconds or an HTTP date. `undefined` when there is none; `NaN` when
 * there is one that cannot be read (negative, garbage) — callers must treat that as "do not sleep".
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && /^\s*\d+(?:\.\d+)?\s*$/.test(milliseconds)) return Number(milliseconds) / 1000;
  const value = headers.get('retry-after');
  if (value === null) return milliseconds === null ? undefined : Number.NaN;
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  // Only a real IMF-fixdate/RFC 850 date: Date.parse would also accept things like "1e9" or "-5".
  if (/^[A-Za-z]{3},? /.test(value.trim())) {
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return Number.NaN;
}
