/** Statuses worth another attempt: the server or something in front of it may recover. */
export const isRetryableStatus = (status: number): boolean => [408, 429, 500, 502, 503, 504].includes(status);

/**
 * "Full jitter" exponential backoff: a uniform random delay up to `min(8 s, 0.5 s · 2^retry)`,
 * so clients that failed together do not come back together.
 */
export const backoffDelay = (retryIndex: number): number =>
  Math.random() * Math.min(8_000, 500 * 2 ** retryIndex);

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * A header that holds a whole number (`Content-Length`, `RateLimit-Remaining`, …), else
 * `undefined`: absent, empty, `abc`, `1e3`, `-1` and 400 digits are all unreadable, never NaN.
 */
export function wholeNumberHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : undefined;
}
const finite = (seconds: number) => (Number.isFinite(seconds) ? seconds : Number.NaN);

/**
 * The wait the server asked for, in seconds: `retry-after-ms` first (0 included), then
 * `Retry-After` as delay-seconds or an HTTP date. `undefined` when there is none; `NaN` when
 * there is one that cannot be read (negative, garbage) — callers must treat that as "do not sleep".
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms');
  // 400 digits are Infinity to Number(): a wait that is not finite is unreadable (NaN).
  if (milliseconds !== null && SECONDS.test(milliseconds)) return finite(Number(milliseconds) / 1000);
  const value = headers.get('retry-after');
  if (value === null) return milliseconds === null ? undefined : Number.NaN;
  if (SECONDS.test(value)) return finite(Number(value));
  // Only an HTTP date ("Thu, 01 Jan …"): Date.parse alone would also accept "1e9" or "-5".
  const date = /^\s*[a-z]{3},? /i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? date : Math.max(0, Math.ceil((date - now) / 1000));
}
