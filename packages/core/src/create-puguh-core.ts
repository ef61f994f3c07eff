import { normalizeBaseUrl } from './internal/base-url';
import { createCoreObject, type PuguhCore } from './internal/core-state';
import { isBrowserPage, readEnvironment } from './internal/environment';
import { checkCredential, checkDuration, checkHeaders, checkNumber, checkRetries } from './internal/validate';
import type { PuguhOptions } from './options';
import { requireId } from './require-input';
import { createSession } from './tokens/session';
import { SDK_VERSION } from './version';

/**
 * Creates the instance that every PUGUH function takes as its first argument.
 *
 * Every option is checked here, so a mistake is a `TypeError`/`RangeError` now rather than a
 * failed request later; no message ever repeats a credential. Nothing is sent until a function is
 * called. With no credential, only public endpoints (plans, login, register, magic links) work.
 *
 * @param options Base URL, credentials, context and transport settings; see {@link PuguhOptions}.
 *
 * @returns A new core. Release it with `closePuguhCore(core)` when you are done.
 *
 * @throws `TypeError` for a missing or malformed `baseUrl` (and no `PUGUH_BASE_URL`), both `apiKey`
 *   and `accessToken`, a malformed credential, `http://` on a non-loopback host, or an API key in a
 *   browser page. `RangeError` for out-of-range durations or retry counts.
 *
 * @example
 * ```ts
 * import { createPuguhCore } from '@puguh/core';
 * import { getPlans } from '@puguh/billing';
 *
 * const core = createPuguhCore({ baseUrl: 'https://api-puguh.arsaka.io' });
 * for (const plan of await getPlans(core)) console.log(`${plan.name}: ${plan.price}/mo`);
 * ```
 *
 * @public
 */
export function createPuguhCore(options: PuguhOptions = {}): PuguhCore {
  const { accessToken, refreshToken, onTokens, fetch, organizationId, applicationId } = options;
  const baseUrl = normalizeBaseUrl(
    options.baseUrl ??
      readEnvironment('PUGUH_BASE_URL') ??
      fail('baseUrl is required: pass { baseUrl } or set the PUGUH_BASE_URL environment variable'),
    options.allowInsecureHttp === true,
  );
  if (options.apiKey != null && accessToken !== undefined) {
    fail('Pass either apiKey (a service) or accessToken (a user), not both');
  }
  if (typeof accessToken !== 'function' && accessToken !== undefined)
    checkCredential('accessToken', accessToken);
  const apiKey =
    accessToken === undefined && options.apiKey !== null
      ? (options.apiKey ?? readEnvironment('PUGUH_API_KEY'))
      : undefined;
  if (apiKey !== undefined) {
    if (!/^pk_(live|test)_[\w-]+$/.test(String(apiKey)))
      fail('apiKey must be a PUGUH API key: pk_live_… or pk_test_…');
    if (isBrowserPage() && !options.dangerouslyAllowBrowser) {
      fail(
        'An API key in a browser page is readable by every visitor: use a user accessToken (or none for public calls)',
      );
    }
  }
  if (refreshToken !== undefined) {
    if (accessToken === undefined) fail('refreshToken needs an accessToken to refresh');
    checkCredential('refreshToken', refreshToken);
  }
  for (const [name, value] of [
    ['onTokens', onTokens],
    ['fetch', fetch],
  ] as const) {
    if (value !== undefined && typeof value !== 'function') fail(`${name} must be a function`);
  }
  if (organizationId !== undefined) requireId('organizationId', organizationId);
  if (applicationId !== undefined) requireId('applicationId', applicationId);

  const headers = checkHeaders('headers', options.headers);
  headers.set('accept', 'application/json');
  headers.set('x-puguh-client', `puguh-js/${SDK_VERSION}`);
  return createCoreObject({
    baseUrl,
    // Retries, timeouts and hooks are set per call by sendRequest; here only what never changes.
    // Credentials must never follow a redirect to another origin: every 3xx is an error instead.
    transport: {
      options: { prefixUrl: `${baseUrl}/`, headers, redirect: 'manual', ...(fetch && { fetch }) },
      instance: undefined,
    },
    fetch,
    defaults: {
      timeout: checkDuration('timeout', options.timeout) ?? 30_000,
      totalTimeout: checkDuration('totalTimeout', options.totalTimeout),
      maxRetries: checkRetries(options.maxRetries) ?? 2,
      maxRetryAfter: checkDuration('maxRetryAfter', options.maxRetryAfter) ?? 60_000,
      maxResponseBytes:
        checkNumber('maxResponseBytes', options.maxResponseBytes, 1024, 2 ** 40, true) ?? 10_485_760,
    },
    session: createSession(apiKey, accessToken, refreshToken, onTokens),
    context: { organizationId, applicationId },
    lifecycles: [new AbortController()],
    logger: options.logger,
  });
}

function fail(message: string): never {
  throw new TypeError(message);
}
