import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { AuthError } from './errors/auth-error';
import { PuguhError } from './errors/puguh-error';
import { RateLimitError } from './errors/rate-limit-error';
import type { PuguhOptions } from './options';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { apiError, failure, json, text, useFaultServer } from './test-support/fault-server';

const Thing = v.object({ id: v.string() });
const server = useFaultServer();
const core = (options: PuguhOptions = {}) =>
  createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, ...options });
const get = (options: PuguhOptions = {}) =>
  sendRequest(core(options), { method: 'GET', path: 'v1/things/1', schema: Thing });

const noJitterDelay = () => vi.spyOn(Math, 'random').mockReturnValue(0);

describe('HTTP status handling', () => {
  test('401 is an AuthError with the server code and message, sent once, never refreshed in API-key mode', async () => {
    server.setDefault(apiError(401, 'invalid_token', 'expired'));
    const error = await failure(get());
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({
      statusCode: 401,
      code: 'invalid_token',
      message: 'expired',
      requestId: 'req_test',
    });
    expect(server.hits).toHaveLength(1);
  });

  test('403 is a PuguhError (not an AuthError) and is not retried', async () => {
    server.setDefault(apiError(403, 'forbidden', 'members cannot change the organization'));
    const error = await failure(get());
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
    expect(server.hits).toHaveLength(1);
  });

  test('422 keeps code, message and details, once', async () => {
    server.setDefault(
      json(422, {
        error: {
          code: 'validation_failed',
          message: 'name required',
          details: { fields: { name: 'required' } },
        },
      }),
    );
    const error = await failure(get());
    expect(error).toMatchObject({
      statusCode: 422,
      code: 'validation_failed',
      message: 'name required',
      details: { fields: { name: 'required' } },
    });
    expect(server.hits).toHaveLength(1);
  });

  test('429 with Retry-After 0 is retried and succeeds', async () => {
    server.script(apiError(429, 'rate_limited', 'slow down', { 'retry-after': '0' }));
    server.setDefault(json(200, { id: 'a' }));
    await expect(get()).resolves.toEqual({ id: 'a' });
    expect(server.hits).toHaveLength(2);
  });

  test('429 until retries run out is a RateLimitError with retryAfter in seconds', async () => {
    server.setDefault(apiError(429, 'rate_limited', 'slow down', { 'retry-after-ms': '10' }));
    const error = await failure(get({ maxRetries: 2 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 0.01 });
    expect(server.hits).toHaveLength(3);
  });

  test('Retry-After: 86400 fails fast with retryAfter 86400 instead of sleeping a day', async () => {
    server.setDefault(apiError(429, 'rate_limited', 'come back tomorrow', { 'retry-after': '86400' }));
    const started = Date.now();
    const error = await failure(get());
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfter: 86400 });
    expect(server.hits).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  test.each(['garbage', '-5', 'Infinity', '1e9', '0x10', ''])(
    'an unreadable Retry-After (%j) never becomes NaN or a long sleep',
    async (value) => {
      const timers = vi.spyOn(globalThis, 'setTimeout');
      server.setDefault(apiError(429, 'rate_limited', 'no', { 'retry-after': value }));
      const error = await failure(get());
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).toBeUndefined();
      const delays = timers.mock.calls.map((call) => call[1] ?? 0);
      expect(delays.every((delay) => Number.isFinite(delay) && delay <= 60_000)).toBe(true);
      expect(server.hits).toHaveLength(1);
    },
  );

  test('a Retry-After HTTP date far in the future fails fast with a finite retryAfter', async () => {
    server.setDefault(
      apiError(429, 'rate_limited', 'no', { 'retry-after': 'Thu, 01 Jan 2099 00:00:00 GMT' }),
    );
    const error = (await failure(get())) as RateLimitError;
    expect(Number.isFinite(error.retryAfter)).toBe(true);
    expect(error.retryAfter).toBeGreaterThan(60);
  });

  test('a wait within the cap is honoured exactly, without jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    server.script(apiError(503, 'unavailable', 'busy', { 'retry-after-ms': '250' }));
    server.setDefault(json(200, { id: 'a' }));
    await get();
    const [first, second] = server.hits;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(240);
  });

  test('maxRetryAfter lowers the cap', async () => {
    server.setDefault(apiError(429, 'rate_limited', 'no', { 'retry-after': '5' }));
    await expect(get({ maxRetryAfter: 1_000 })).rejects.toMatchObject({ retryAfter: 5 });
    expect(server.hits).toHaveLength(1);
  });

  test.each([500, 502, 503, 504, 408])('%i is retried for GET, then succeeds', async (status) => {
    noJitterDelay();
    server.script(apiError(status, 'unavailable', 'try again'));
    server.setDefault(json(200, { id: 'a' }));
    await expect(get()).resolves.toEqual({ id: 'a' });
    expect(server.hits).toHaveLength(2);
  });

  test('an always-503 endpoint fails with the real status after 1 + maxRetries attempts', async () => {
    noJitterDelay();
    server.setDefault(apiError(503, 'unavailable', 'down'));
    await expect(get({ maxRetries: 2 })).rejects.toMatchObject({ statusCode: 503, code: 'unavailable' });
    expect(server.hits).toHaveLength(3);
  });

  test.each([400, 404, 409, 501, 505])('%i is not retried', async (status) => {
    server.setDefault(apiError(status, 'nope', 'no'));
    await expect(get()).rejects.toMatchObject({ statusCode: status });
    expect(server.hits).toHaveLength(1);
  });
});

describe('malformed responses', () => {
  test('an HTML 502 from a proxy has a short message, keeps its status and is retried', async () => {
    noJitterDelay();
    server.setDefault(text(502, `<html>${'x'.repeat(20_000)}</html>`, { 'content-type': 'text/html' }));
    const error = (await failure(get())) as PuguhError;
    expect(error).toMatchObject({ statusCode: 502, code: 'non_json_response' });
    expect(error.message).toBe('Request failed with status 502 (text/html)');
    expect(server.hits).toHaveLength(3);
  });

  test('a 200 with malformed JSON is invalid_response and is not retried', async () => {
    server.setDefault(text(200, '{ invalid json', { 'content-type': 'application/json' }));
    await expect(get()).rejects.toMatchObject({
      name: 'PuguhError',
      statusCode: 200,
      code: 'invalid_response',
    });
    expect(server.hits).toHaveLength(1);
  });

  test('a 200 that fails its schema reports paths and expectations, never the received values', async () => {
    server.setDefault(json(200, { id: 12345678 }));
    const error = (await failure(get())) as PuguhError;
    expect(error.code).toBe('invalid_response');
    expect(error.details).toEqual({ issues: [{ path: 'id', expected: 'string' }] });
    expect(JSON.stringify(error.details) + error.message).not.toContain('12345678');
  });

  test('unknown extra fields are tolerated', async () => {
    server.setDefault(json(200, { id: 'a', added_later: { nested: true } }));
    await expect(get()).resolves.toEqual({ id: 'a' });
  });

  test('a 204 resolves undefined for calls without a schema; an empty 200 where a body is promised is invalid_response', async () => {
    server.script(text(204, ''));
    await expect(sendRequest(core(), { method: 'DELETE', path: 'v1/things/1' })).resolves.toBeUndefined();
    server.script(text(200, '', { 'content-type': 'application/json' }));
    await expect(get()).rejects.toMatchObject({ code: 'invalid_response', statusCode: 200 });
  });

  test('a prototype-pollution payload pollutes nothing', async () => {
    server.setDefault(
      text(200, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"id":"org_1"}', {
        'content-type': 'application/json',
      }),
    );
    const result = await get();
    expect(result).toEqual({ id: 'org_1' });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a body over maxResponseBytes is refused, not buffered', async () => {
    server.setDefault(json(200, { id: 'x'.repeat(5_000) }));
    await expect(get({ maxResponseBytes: 1_024 })).rejects.toMatchObject({ code: 'response_too_large' });
    expect(server.hits).toHaveLength(1);
  });

  test.each([
    ['OAuth style', { error: 'invalid_grant', error_description: 'bad grant' }, 'invalid_grant', 'bad grant'],
    ['null', null, 'api_error', 'Request failed with status 400 (application/json)'],
    ['an array', [], 'api_error', 'Request failed with status 400 (application/json)'],
    ['a string', 'oops', 'api_error', 'Request failed with status 400 (application/json)'],
    [
      'a nested message',
      { message: { nested: 1 } },
      'api_error',
      'Request failed with status 400 (application/json)',
    ],
  ])('an error body shaped as %s still gives a PuguhError', async (_name, body, code, message) => {
    server.setDefault(json(400, body));
    await expect(get()).rejects.toMatchObject({ name: 'PuguhError', statusCode: 400, code, message });
  });

  test('control characters in a server message are stripped', async () => {
    server.setDefault(apiError(400, 'bad', 'line one\r\nX-Injected: 1\u0000'));
    await expect(get()).rejects.toMatchObject({ message: 'line one X-Injected: 1 ' });
  });
});
