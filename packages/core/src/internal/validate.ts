/** The largest delay `setTimeout` honours; larger values fire at once in most runtimes. */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * Throws a `TypeError` unless `value` is a number, and a `RangeError` unless it lies in
 * [`min`, `max`] (and is whole when asked). `undefined` passes through: the option was not set.
 */
export function checkNumber(
  name: string,
  value: unknown,
  min: number,
  max: number,
  whole?: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number`);
  if (!(value >= min && value <= max) || (whole && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be ${whole ? 'a whole number ' : ''}from ${min} to ${max}`);
  }
  return value;
}

/** A duration option in milliseconds: more than 0, and small enough for `setTimeout`. */
export const checkDuration = (name: string, value: unknown): number | undefined =>
  checkNumber(name, value, 1, MAX_TIMER_MS);

/** A retry count: 0–10. */
export const checkRetries = (value: unknown): number | undefined =>
  checkNumber('maxRetries', value, 0, 10, true);

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

/**
 * Checks caller headers as `fetch` would and returns them as a plain object with lower-case names;
 * an error names the header but never its value.
 */
export function checkHeaders(
  name: string,
  value: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw new TypeError(`${name} must be an object`);
  const headers = new Headers();
  for (const key in value) {
    try {
      headers.set(key, value[key] as string);
    } catch {
      throw new TypeError(`${name}: invalid header "${key.slice(0, 64)}"`);
    }
  }
  return Object.fromEntries(headers);
}
