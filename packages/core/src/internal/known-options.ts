/** Every option `createPuguhCore` (and so `PuguhClient`) reads. */
export const CORE_OPTIONS: readonly string[] = [
  'baseUrl',
  'apiKey',
  'accessToken',
  'refreshToken',
  'refresh',
  'onTokens',
  'organizationId',
  'applicationId',
  'timeout',
  'totalTimeout',
  'maxRetries',
  'maxRetryAfter',
  'maxResponseBytes',
  'fetch',
  'headers',
  'logger',
  'onResponse',
  'allowInsecureHttp',
  'dangerouslyAllowBrowser',
];

/** The keys `withContext` reads. */
export const CONTEXT_KEYS: readonly string[] = ['organizationId', 'applicationId'];

/** Every option a call reads (`RequestOptions`). */
export const CALL_OPTIONS: readonly string[] = [
  'signal',
  'timeout',
  'maxRetries',
  'idempotencyKey',
  'headers',
  'onResponse',
];

/**
 * Refuses an options object with a key nobody reads — in plain JavaScript `apikey` would otherwise
 * send unauthenticated requests and `maxRetry: 5` be ignored — naming the key and the nearest
 * known one.
 *
 * @example
 * ```ts
 * checkKnownOptions('options', { apikey: 'pk_test_1' }, CORE_OPTIONS);
 * // TypeError: options: unknown option "apikey" — did you mean "apiKey"?
 * ```
 */
export function checkKnownOptions(name: string, options: object, known: readonly string[]): void {
  for (const key in options) {
    if (known.includes(key)) continue;
    const nearest = nearestOf(key, known);
    throw new TypeError(
      `${name}: unknown option "${key.slice(0, 64)}"${nearest ? ` — did you mean "${nearest}"?` : ''}`,
    );
  }
}

/**
 * The known name closest to `key`: the same in another case, else within 2 edits
 * (3 for keys of 7 characters or more: `maxRetry` → `maxRetries`).
 */
function nearestOf(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = lower.length >= 7 ? 4 : 3;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Levenshtein distance, for short option names. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
