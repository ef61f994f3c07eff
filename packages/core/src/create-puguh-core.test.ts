import { afterEach, describe, expect, test, vi } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { thrown } from './test-support/thrown';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('createPuguhCore options', () => {
  test('reads PUGUH_BASE_URL and PUGUH_API_KEY from the environment', async () => {
    vi.stubEnv('PUGUH_BASE_URL', 'https://api.puguh.test/');
    vi.stubEnv('PUGUH_API_KEY', CANARY_KEY);
    const fetch = vi.fn(async () => Response.json({}));
    const core = createPuguhCore({ fetch });
    expect(core.baseUrl).toBe('https://api.puguh.test');
    await sendRequest(core, { method: 'GET', path: 'v1/billing/plans' });
    // A custom fetch is called as fetch(url, init), like the global one.
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.puguh.test/v1/billing/plans');
    expect(new Headers(init.headers).get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  test('an explicit accessToken wins over PUGUH_API_KEY instead of conflicting with it', () => {
    vi.stubEnv('PUGUH_API_KEY', CANARY_KEY);
    expect(() =>
      createPuguhCore({ baseUrl: 'https://api.puguh.test', accessToken: 'user.jwt.token' }),
    ).not.toThrow();
  });

  test('apiKey: null means no credential, even with PUGUH_API_KEY set', async () => {
    vi.stubEnv('PUGUH_API_KEY', CANARY_KEY);
    const fetch = vi.fn(async () => Response.json({}));
    await sendRequest(createPuguhCore({ baseUrl: 'https://api.puguh.test', apiKey: null, fetch }), {
      method: 'GET',
      path: 'v1/billing/plans',
    });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('authorization')).toBeNull();
  });

  test('no base URL at all names the variable to set', () => {
    vi.stubEnv('PUGUH_BASE_URL', '');
    const error = thrown(() => createPuguhCore());
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('PUGUH_BASE_URL');
  });

  test('both credentials are refused without echoing either', () => {
    const error = thrown(() =>
      createPuguhCore({
        baseUrl: 'https://api.puguh.test',
        apiKey: CANARY_KEY,
        accessToken: 'CANARY.token.x',
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).not.toContain('CANARY');
  });

  test.each([
    ['not a URL', 'api.puguh.test'],
    ['ftp', 'ftp://api.puguh.test'],
    ['credentials in the URL', 'https://user:pass@api.puguh.test'],
    ['a query', 'https://api.puguh.test/?x=1'],
  ])('a bad baseUrl (%s) is a TypeError', (_name, baseUrl) => {
    expect(() => createPuguhCore({ baseUrl })).toThrow(TypeError);
  });

  test.each(['http://api.puguh.test', 'http://localhost.evil.test', 'http://127.0.0.1.nip.io'])(
    'plain http to a non-loopback host (%s) is refused unless allowInsecureHttp',
    (baseUrl) => {
      expect(() => createPuguhCore({ baseUrl })).toThrow(/http:\/\//);
      expect(() => createPuguhCore({ baseUrl, allowInsecureHttp: true })).not.toThrow();
    },
  );

  test.each(['http://localhost:4010', 'http://127.0.0.1', 'http://[::1]:8080', 'http://api.localhost'])(
    'plain http to loopback (%s) is allowed',
    (baseUrl) => {
      expect(() => createPuguhCore({ baseUrl })).not.toThrow();
    },
  );

  test.each([
    ['a line break (header injection)', `${CANARY_KEY}\r\nX-Evil: 1`],
    ['a non-ASCII character', `${CANARY_KEY}é`],
    ['surrounding spaces', `  ${CANARY_KEY}  `],
    ['an empty string', ''],
    ['a JWT by mistake', 'eyJhbGciOi.CANARY.sig'],
  ])('an apiKey with %s is refused without being echoed', (_name, apiKey) => {
    const error = thrown(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', apiKey }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).not.toContain('CANARY');
  });

  test('a malformed accessToken or refreshToken is refused without being echoed', () => {
    for (const options of [
      { accessToken: 'CANARY token' },
      { accessToken: 'a.b.c', refreshToken: 'CANARY\n' },
    ]) {
      const error = thrown(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', ...options }));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).not.toContain('CANARY');
    }
    expect(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', refreshToken: 'rt_1' })).toThrow(
      /accessToken/,
    );
  });

  test.each([
    ['timeout', -1, RangeError],
    ['timeout', Number.NaN, RangeError],
    ['timeout', 0, RangeError],
    ['timeout', 2 ** 31, RangeError],
    ['timeout', '1000', TypeError],
    ['totalTimeout', Number.POSITIVE_INFINITY, RangeError],
    ['maxRetries', -1, RangeError],
    ['maxRetries', 1.5, RangeError],
    ['maxRetries', Number.POSITIVE_INFINITY, RangeError],
    ['maxRetryAfter', Number.NaN, RangeError],
    ['maxResponseBytes', 10, RangeError],
  ])('%s = %s is a %s', (name, value, type) => {
    expect(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', [name]: value })).toThrow(type);
  });

  test('per-call options are checked too, before anything is sent', async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const core = createPuguhCore({ baseUrl: 'https://api.puguh.test', fetch });
    await expect(sendRequest(core, { method: 'GET', path: 'v1/x' }, { timeout: -5 })).rejects.toThrow(
      RangeError,
    );
    await expect(sendRequest(core, { method: 'GET', path: 'v1/x' }, { maxRetries: 99 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      sendRequest(core, { method: 'POST', path: 'v1/x' }, { idempotencyKey: 'has space' }),
    ).rejects.toThrow(TypeError);
    await expect(
      sendRequest(core, { method: 'GET', path: 'v1/x' }, { headers: { 'x-a': 'CANARY\r\nEvil: 1' } }),
    ).rejects.toThrow(/x-a/);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('an API key in a browser page is refused unless dangerouslyAllowBrowser; user tokens are fine', () => {
    vi.stubGlobal('window', { document: {} });
    expect(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', apiKey: CANARY_KEY })).toThrow(
      /browser/,
    );
    expect(() =>
      createPuguhCore({
        baseUrl: 'https://api.puguh.test',
        apiKey: CANARY_KEY,
        dangerouslyAllowBrowser: true,
      }),
    ).not.toThrow();
    expect(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', accessToken: 'a.b.c' })).not.toThrow();
    expect(() => createPuguhCore({ baseUrl: 'https://api.puguh.test' })).not.toThrow();
  });

  test('a token provider that throws or returns garbage is an AuthError, and nothing is sent', async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const cause = new Error('storage unavailable');
    const throwing = createPuguhCore({
      baseUrl: 'https://api.puguh.test',
      fetch,
      accessToken: () => Promise.reject(cause),
    });
    await expect(sendRequest(throwing, { method: 'GET', path: 'v1/x' })).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_provider_failed',
      cause,
    });
    const empty = createPuguhCore({ baseUrl: 'https://api.puguh.test', fetch, accessToken: () => '' });
    await expect(sendRequest(empty, { method: 'GET', path: 'v1/x' })).rejects.toMatchObject({
      code: 'token_provider_failed',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('a refresh token without a refresh strategy names the one to pass', () => {
    const error = thrown(() =>
      createPuguhCore({ baseUrl: 'https://api.puguh.test', accessToken: 'a.b.c', refreshToken: 'rt_1' }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/automaticRefresh\(\) from @puguh\/auth/);
    expect(error.message).not.toContain('rt_1');
  });

  test.each([
    ['/v1/x', 'a leading slash'],
    ['https://evil.test/v1/x', 'an absolute URL'],
    ['//evil.test/v1/x', 'a protocol-relative URL'],
    ['v1/../admin', 'a dot segment'],
    ['v1/%2e%2e/admin', 'an encoded dot segment'],
    ['v1\\..\\admin', 'backslashes'],
    ['v1/x?admin=1', 'a query string'],
  ])('sendRequest refuses %s (%s) with a TypeError, sending nothing', async (path) => {
    const fetch = vi.fn(async () => Response.json({}));
    const core = createPuguhCore({ baseUrl: 'https://api.puguh.test/base', fetch });
    await expect(sendRequest(core, { method: 'GET', path })).rejects.toThrow(TypeError);
    await expect(sendRequest(core, { method: 'GET', path })).rejects.toThrow(/apiPath/);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('creating a core sends nothing and reads nothing at import', async () => {
    const fetch = vi.fn(async () => Response.json({}));
    createPuguhCore({ baseUrl: 'https://api.puguh.test', fetch });
    expect(fetch).not.toHaveBeenCalled();
  });
});
