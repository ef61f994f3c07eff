/** The largest delay `setTimeout` honours; larger values fire at once in most runtimes. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Throws a `TypeError`/`RangeError` unless `value` is a usable duration in milliseconds. */
export function checkDuration(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number of milliseconds`);
  if (!(value > 0 && value <= MAX_TIMER_MS)) {
    throw new RangeError(`${name} must be greater than 0 and at most ${MAX_TIMER_MS} ms`);
  }
  return value;
}

/** Throws unless `value` is a whole number of bytes, at least 1 KiB. */
export function checkByteLimit(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number of bytes`);
  if (!Number.isSafeInteger(value) || value < 1024)
    throw new RangeError(`${name} must be a whole number ≥ 1024`);
  return value;
}

/** Throws unless `value` is a whole number of retries in 0–10. */
export function checkRetries(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError('maxRetries must be a number');
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new RangeError('maxRetries must be a whole number from 0 to 10');
  }
  return value;
}

/**
 * Throws unless `value` can go in a header as a credential: visible ASCII, no spaces, no line
 * breaks (which would let a value inject headers). The message names the option, never the value.
 */
export function checkCredential(name: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw new TypeError(`${name} must be a non-empty string of visible ASCII characters without spaces`);
  }
  return value;
}

/** Throws unless `value` is a non-empty string; for ids and other plain inputs. */
export function checkId(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  return value;
}

/** Copies caller headers into a `Headers`, with an error that names the header but never its value. */
export function checkHeaders(name: string, value: Readonly<Record<string, string>> | undefined): Headers {
  const headers = new Headers();
  for (const [key, headerValue] of Object.entries(value ?? {})) {
    try {
      headers.set(key, headerValue);
    } catch {
      throw new TypeError(`${name} has an invalid header "${key.slice(0, 64)}"`);
    }
  }
  return headers;
}
