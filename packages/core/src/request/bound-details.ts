/** How much of a server's error `details` an error keeps (a hostile body must not break loggers). */
export const DETAILS_LIMITS = { depth: 8, keys: 50, items: 50, text: 1_000 } as const;

/**
 * A copy of an error body's `details`, cut to at most {@link DETAILS_LIMITS}: 8 levels deep, 50
 * keys per object, 50 items per array, 1,000 characters per string. What is cut is replaced by the
 * string `"[truncated]"`, so `JSON.stringify(error)` always works and stays small.
 */
export function boundDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.slice(0, DETAILS_LIMITS.text);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= DETAILS_LIMITS.depth) return '[truncated]';
  if (Array.isArray(value)) {
    const items = value.slice(0, DETAILS_LIMITS.items).map((item) => boundDetails(item, depth + 1));
    if (value.length > DETAILS_LIMITS.items) items.push('[truncated]');
    return items;
  }
  const copy: Record<string, unknown> = {};
  let keys = 0;
  for (const key in value) {
    if (++keys > DETAILS_LIMITS.keys) {
      copy['…'] = '[truncated]';
      break;
    }
    // defineProperty, not assignment: a `__proto__` key from JSON must stay data, not become the
    // copy's prototype.
    Object.defineProperty(copy, key.slice(0, 100), {
      value: boundDetails((value as Record<string, unknown>)[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
