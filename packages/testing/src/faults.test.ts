import { describe, expect, test } from 'vitest';
import { createPuguhServer } from './server';
import { expectError, useServer } from './test-support/harness';
import type { ErrorBody } from './test-support/wire-types';

const api = useServer();
const PLANS = '/v1/billing/plans';

describe('faults over loopback', () => {
  test('status, headers and body replace the response for the next matching request only', async () => {
    api.server.faults.inject({
      method: 'GET',
      path: PLANS,
      status: 503,
      headers: { 'retry-after': '2' },
      body: { oops: true },
    });
    const faulted = await api.call<{ oops: boolean }>('GET', PLANS);
    expect(faulted.status).toBe(503);
    expect(faulted.body).toEqual({ oops: true });
    expect(faulted.headers.get('retry-after')).toBe('2');
    expect(faulted.headers.get('x-request-id')).toMatch(/^req_/);
    expect(faulted.headers.get('ratelimit-limit')).toBe('10000');
    expect((await api.call('GET', PLANS)).status).toBe(200);
  });

  test('without a body, an error status gets a matching error envelope; a string body is sent as is', async () => {
    api.server.faults.inject({ path: PLANS, status: 500 });
    expectError(await api.call('GET', PLANS), 500, 'internal_error');
    api.server.faults.inject({ path: PLANS, status: 200, body: 'not json' });
    const raw = await fetch(`${api.url}${PLANS}`);
    expect(await raw.text()).toBe('not json');
    expect(raw.headers.get('content-type')).toBe('application/json');
  });

  test('times: N requests misbehave, then the real handler answers; pending counts down', async () => {
    api.server.faults.inject({ path: PLANS, status: 502, times: 2 });
    expect(api.server.faults.pending).toBe(2);
    expect((await api.call('GET', PLANS)).status).toBe(502);
    expect(api.server.faults.pending).toBe(1);
    expect((await api.call('GET', PLANS)).status).toBe(502);
    expect((await api.call('GET', PLANS)).status).toBe(200);
    expect(api.server.faults.pending).toBe(0);
  });

  test('method and path (string or RegExp) filter which requests match', async () => {
    api.server.faults.inject({ method: 'post', path: /^\/v1\/auth\//, status: 418 });
    expect((await api.call('GET', PLANS)).status).toBe(200);
    expect((await api.call('GET', '/v1/billing/plans/plan_pro')).status).toBe(200);
    expect((await api.call('POST', '/v1/auth/login', { body: {} })).status).toBe(418);
    api.server.faults.inject({ path: '/v1/billing/plans/plan_pro', status: 500 });
    expect((await api.call('GET', PLANS)).status).toBe(200);
    expect((await api.call('GET', '/v1/billing/plans/plan_pro')).status).toBe(500);
  });

  test('delayMs delays the real answer', async () => {
    api.server.faults.inject({ path: PLANS, delayMs: 300 });
    const started = performance.now();
    const response = await api.call('GET', PLANS);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(200);
  });

  test('headers alone are added to the real response', async () => {
    api.server.faults.inject({ path: PLANS, headers: { 'x-extra': 'yes', 'ratelimit-remaining': '0' } });
    const response = await api.call('GET', PLANS);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
  });

  test('reset destroys the connection: fetch rejects with TypeError; the next request is fine', async () => {
    api.server.faults.inject({ path: PLANS, reset: true });
    await expect(fetch(`${api.url}${PLANS}`)).rejects.toThrow(TypeError);
    expect((await api.call('GET', PLANS)).status).toBe(200);
  });

  test('stallBody sends headers and part of the body, then never finishes', async () => {
    api.server.faults.inject({ path: PLANS, stallBody: true });
    const response = await fetch(`${api.url}${PLANS}`, { signal: AbortSignal.timeout(400) });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"data":[');
    const started = performance.now();
    await expect(reader.read()).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await api.call('GET', PLANS)).status).toBe(200);
  });

  test('faulted requests are recorded; clear() drops queued faults', async () => {
    api.server.clearRequests();
    api.server.faults.inject({ path: PLANS, status: 500, times: 5 });
    await api.call('GET', `${PLANS}?limit=2`);
    expect(api.server.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: PLANS, query: { limit: '2' } }),
    ]);
    api.server.faults.clear();
    expect(api.server.faults.pending).toBe(0);
    expect((await api.call('GET', PLANS)).status).toBe(200);
  });

  test('inject validates its options', () => {
    expect(() => api.server.faults.inject({ times: 0 })).toThrow(RangeError);
    expect(() => api.server.faults.inject({ times: 1.5 })).toThrow(RangeError);
    expect(() => api.server.faults.inject({ status: 99 })).toThrow(RangeError);
    expect(() => api.server.faults.inject({ delayMs: -1 })).toThrow(RangeError);
    expect(() => api.server.faults.inject({ delayMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(api.server.faults.pending).toBe(0);
  });
});

describe('faults in-process', () => {
  const server = createPuguhServer();
  const url = `http://localhost${PLANS}`;

  test('reset rejects with TypeError("fetch failed"), like fetch', async () => {
    server.faults.inject({ reset: true });
    await expect(server.fetch(url)).rejects.toThrow(new TypeError('fetch failed'));
    expect((await server.fetch(url)).status).toBe(200);
  });

  test('an aborted signal rejects a delayed request at once', async () => {
    server.faults.inject({ delayMs: 5000 });
    const started = performance.now();
    await expect(server.fetch(url, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('stallBody: the body read fails when the signal aborts', async () => {
    server.faults.inject({ stallBody: true, body: '{"data":[{"id":' });
    const controller = new AbortController();
    const response = await server.fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"data":[{"id":');
    setTimeout(() => controller.abort(), 20);
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('an injected 429 keeps the envelope shape', async () => {
    server.faults.inject({ status: 429, headers: { 'retry-after': '7' } });
    const response = await server.fetch(url);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(((await response.json()) as ErrorBody).error.code).toBe('rate_limited');
  });
});
