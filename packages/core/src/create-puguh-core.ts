import { normalizeBaseUrl } from './internal/base-url';
import { type CoreState, createCoreObject, type PuguhCore } from './internal/core-state';
import { isBrowserPage, readEnvironment } from './internal/environment';
import {
  checkByteLimit,
  checkCredential,
  checkDuration,
  checkHeaders,
  checkId,
  checkRetries,
} from './internal/validate';
import type { PuguhOptions } from './options';
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
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const rawBaseUrl = options.baseUrl ?? readEnvironment('PUGUH_BASE_URL');
  if (rawBaseUrl === undefined) {
    throw new TypeError(
      'baseUrl is required: pass { baseUrl } or set the PUGUH_BASE_URL environment variable',
    );
  }
  const baseUrl = normalizeBaseUrl(rawBaseUrl, options.allowInsecureHttp === true);

  if (options.apiKey !== undefined && options.accessToken !== undefined) {
    throw new TypeError('Pass either apiKey (a service) or accessToken (a user), not both');
  }
  const accessToken = options.accessToken;
  if (typeof accessToken !== 'function' && accessToken !== undefined)
    checkCredential('accessToken', accessToken);
  const apiKey = accessToken === undefined ? (options.apiKey ?? readEnvironment('PUGUH_API_KEY')) : undefined;
  if (apiKey !== undefined && !/^pk_(?:live|test)_[\w-]+$/.test(String(apiKey))) {
    throw new TypeError(
      'apiKey must be a PUGUH API key: pk_live_… or pk_test_… (letters, digits, _ and - only)',
    );
  }
  if (apiKey !== undefined && isBrowserPage() && options.dangerouslyAllowBrowser !== true) {
    throw new TypeError(
      'An API key in a browser page is readable by every visitor. Use a user accessToken, or no credential for ' +
        'public calls; pass dangerouslyAllowBrowser: true only for internal tools.',
    );
  }
  if (options.refreshToken !== undefined) {
    if (accessToken === undefined) throw new TypeError('refreshToken needs an accessToken to refresh');
    checkCredential('refreshToken', options.refreshToken);
  }
  if (options.onTokens !== undefined && typeof options.onTokens !== 'function') {
    throw new TypeError('onTokens must be a function');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new TypeError('fetch must be a function');
  if (options.organizationId !== undefined) checkId('organizationId', options.organizationId);
  if (options.applicationId !== undefined) checkId('applicationId', options.applicationId);

  const headers = checkHeaders('headers', options.headers);
  headers.set('accept', 'application/json');
  headers.set('x-puguh-client', `puguh-js/${SDK_VERSION}`);

  const state: CoreState = {
    baseUrl,
    // ky makes one attempt per call here: core owns retries, timeouts and error mapping, because
    // ky 1 lacks jitter, a Retry-After cap, a timeout covering the body and a network-error class.
    transport: {
      options: {
        prefixUrl: `${baseUrl}/`,
        headers,
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        // Credentials must never follow a redirect to another origin: treat every 3xx as an error.
        redirect: 'manual',
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
      instance: undefined,
    },
    fetch: options.fetch,
    defaults: {
      timeout: checkDuration('timeout', options.timeout) ?? 30_000,
      totalTimeout: checkDuration('totalTimeout', options.totalTimeout),
      maxRetries: checkRetries(options.maxRetries) ?? 2,
      maxRetryAfter: checkDuration('maxRetryAfter', options.maxRetryAfter) ?? 60_000,
      maxResponseBytes: checkByteLimit('maxResponseBytes', options.maxResponseBytes) ?? 10 * 1024 * 1024,
    },
    session: createSession({
      apiKey,
      accessToken,
      refreshToken: options.refreshToken,
      onTokens: options.onTokens,
    }),
    context: { organizationId: options.organizationId, applicationId: options.applicationId },
    lifecycles: [{ controller: new AbortController() }],
    logger: options.logger,
  };
  return createCoreObject(state);
}
