import { normalizeBaseUrl } from './internal/base-url';
import { createCoreObject, type PuguhCore } from './internal/core-state';
import { isBrowserPage, readEnvironment } from './internal/environment';
import { CORE_OPTIONS, checkKnownOptions } from './internal/known-options';
import { checkCredential, checkDuration, checkHeaders, checkNumber, checkRetries } from './internal/validate';
import type { PuguhOptions } from './options';
import { requireHeaderId } from './require-input';
import { createCredentials } from './tokens/credentials';
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
  if (typeof options !== 'object' || options === null) {
    fail('createPuguhCore takes an options object, such as { baseUrl }');
  }
  checkKnownOptions('options', options, CORE_OPTIONS);
  const { accessToken, refreshToken, refresh, onTokens, fetch, organizationId, applicationId } = options;
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
    if (typeof refresh?.start !== 'function') {
      fail('refreshToken needs refresh: automaticRefresh() from @puguh/auth');
    }
  }
  for (const [name, value] of [
    ['onTokens', onTokens],
    ['fetch', fetch],
    ['onResponse', options.onResponse],
  ] as const) {
    if (value !== undefined && typeof value !== 'function') fail(`${name} must be a function`);
  }
  if (organizationId !== undefined) requireHeaderId('organizationId', organizationId);
  if (applicationId !== undefined) requireHeaderId('applicationId', applicationId);

  const credentials = createCredentials(apiKey, accessToken);
  const core = createCoreObject({
    baseUrl,
    fetch,
    headers: {
      ...checkHeaders('headers', options.headers),
      accept: 'application/json',
      'x-puguh-client': `puguh-js/${SDK_VERSION}`,
    },
    defaults: {
      timeout: checkDuration('timeout', options.timeout) ?? 30_000,
      totalTimeout: checkDuration('totalTimeout', options.totalTimeout),
      maxRetries: checkRetries(options.maxRetries) ?? 2,
      maxRetryAfter: checkDuration('maxRetryAfter', options.maxRetryAfter) ?? 60_000,
      maxResponseBytes:
        checkNumber('maxResponseBytes', options.maxResponseBytes, 1024, 2 ** 40, true) ?? 10_485_760,
    },
    credentials,
    context: { organizationId, applicationId },
    lifecycles: [new AbortController()],
    logger: options.logger,
    onResponse: options.onResponse,
  });
  if (refreshToken !== undefined && refresh) {
    // The refresh belongs to this root core: derived cores share `credentials`, so theirs is this.
    credentials.refresh = refresh.start({
      core,
      refreshToken,
      onTokens,
      logger: options.logger,
      generation: credentials.generation,
      replace: credentials.replace,
    });
  }
  return core;
}

function fail(message: string): never {
  throw new TypeError(message);
}
