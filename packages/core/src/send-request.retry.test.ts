import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import type { PuguhOptions } from './options';
import { backoffDelay, parseRetryAfter } from './request/retry-policy';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { apiError, hang, json, useFaultServer } from './test-support/fault-server';

const Ok = v.object({ ok: v.boolean() });
const server = useFaultServer();
const core = (options: PuguhOptions = {}) =>
  createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, ...options });
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotency keys', () => {
  test('a POST retried after a 500 carries the same Idempotency-Key and the same bytes on every attempt', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    server.script(apiError(500, 'internal', 'boom'), apiError(502, 'bad_gateway', 'boom'));
    server.setDefault(json(201, { ok: true }));
    await sendRequest(core(), {
      method: 'POST',
      path: 'v1/organizations',
      body: { name: 'Acme', emoji: '🚀' },
      schema: Ok,
    });
    expect(server.hits).toHaveLength(3);
    const keys = server.hits.map((hit) => hit.headers['idempotency-key']);
    expect(keys[0]).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(server.hits.map((hit) => hit.body))).toEqual(new Set(['{"name":"Acme","emoji":"🚀"}']));
    expect(server.hits[0]?.headers['content-length']).toBe(
      String(Buffer.byteLength('{"name":"Acme","emoji":"🚀"}')),
    );
  });

  test('PATCH gets a key too; every call gets a new one', async () => {
    await sendRequest(core(), {
      method: 'PATCH',
      path: 'v1/organizations/o',
      body: { name: 'B' },
      schema: Ok,
    });
    await sendRequest(core(), {
      method: 'PATCH',
      path: 'v1/organizations/o',
      body: { name: 'B' },
      schema: Ok,
    });
    const [first, second] = server.hits.map((hit) => hit.headers['idempotency-key']);
    expect(first).toMatch(UUID_V4);
    expect(second).toMatch(UUID_V4);
    expect(first).not.toBe(second);
  });

  test('a caller-supplied key is sent unchanged and not duplicated', async () => {
    await sendRequest(
      core(),
      { method: 'POST', path: 'v1/organizations', body: {}, schema: Ok },
      { idempotencyKey: 'order-42', headers: { 'Idempotency-Key': 'ignored-duplicate' } },
    );
    expect(server.hits[0]?.headers['idempotency-key']).toBe('order-42');
  });

  test('GET and DELETE carry no key', async () => {
    await sendRequest(core(), { method: 'GET', path: 'v1/x', schema: Ok });
    await sendRequest(core(), { method: 'DELETE', path: 'v1/x' });
    expect(server.hits.map((hit) => hit.headers['idempotency-key'])).toEqual([undefined, undefined]);
  });

  test('undefined fields are dropped; BigInt, cycles and NaN are refused before sending', async () => {
    await sendRequest(core(), { method: 'POST', path: 'v1/x', body: { a: 1, b: undefined }, schema: Ok });
    expect(server.hits[0]?.body).toBe('{"a":1}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const body of [{ n: 1n }, cyclic, { n: Number.NaN }, { n: Number.POSITIVE_INFINITY }]) {
      await expect(sendRequest(core(), { method: 'POST', path: 'v1/x', body, schema: Ok })).rejects.toThrow(
        TypeError,
      );
    }
    expect(server.hits).toHaveLength(1);
  });
});

describe('retry limits and budgets', () => {
  test('maxRetries on the call overrides the core, both ways', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    server.setDefault(apiError(500, 'internal', 'boom'));
    await expect(
      sendRequest(core({ maxRetries: 3 }), { method: 'GET', path: 'v1/x' }, { maxRetries: 0 }),
    ).rejects.toThrow();
    expect(server.hits).toHaveLength(1);
    server.hits.length = 0;
    await expect(
      sendRequest(core({ maxRetries: 0 }), { method: 'GET', path: 'v1/x' }, { maxRetries: 2 }),
    ).rejects.toThrow();
    expect(server.hits).toHaveLength(3);
  });

  test('a server wait that does not fit in totalTimeout fails fast instead of sleeping past the deadline', async () => {
    server.setDefault(apiError(503, 'unavailable', 'busy', { 'retry-after': '5' }));
    const started = Date.now();
    await expect(
      sendRequest(core({ totalTimeout: 3_000 }), { method: 'GET', path: 'v1/x' }),
    ).rejects.toMatchObject({
      statusCode: 503,
    });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(server.hits).toHaveLength(1);
  });

  test('totalTimeout bounds attempts that hang, whatever the per-attempt timeout', async () => {
    server.setDefault(hang);
    const started = Date.now();
    await expect(
      sendRequest(core({ totalTimeout: 250, timeout: 10_000 }), { method: 'GET', path: 'v1/x' }),
    ).rejects.toMatchObject({ name: 'NetworkError', code: 'timeout' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(3_000);
    expect(server.hits).toHaveLength(1);
  });

  test('every attempt asks the token provider again, so a retry carries the current token', async () => {
    const tokens = ['token-0', 'token-1'];
    const accessToken = vi.fn(() => tokens.shift() ?? 'token-x');
    server.script(apiError(429, 'rate_limited', 'wait', { 'retry-after': '0' }));
    await sendRequest(createPuguhCore({ baseUrl: server.url, accessToken }), {
      method: 'GET',
      path: 'v1/x',
      schema: Ok,
    });
    expect(server.hits.map((hit) => hit.headers.authorization)).toEqual(['Bearer token-0', 'Bearer token-1']);
  });
});

describe('backoff and Retry-After parsing', () => {
  test('full-jitter backoff stays within [0, min(8 s, 0.5 s · 2^n)]', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    expect(backoffDelay(0)).toBeCloseTo(500, 0);
    expect(backoffDelay(1)).toBeCloseTo(1_000, 0);
    expect(backoffDelay(3)).toBeCloseTo(4_000, 0);
    expect(backoffDelay(10)).toBeLessThanOrEqual(8_000);
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(backoffDelay(5)).toBe(0);
  });

  test('delays are spread out, not lock-step', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(2));
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(500);
  });

  test('reads seconds, HTTP dates and retry-after-ms (which wins, even at 0)', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2);
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '0', 'retry-after': '86400' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '1500' }), now)).toBe(1.5);
    for (const bad of ['garbage', '-5', 'Infinity', '1e9', '0x10']) {
      expect(parseRetryAfter(headers({ 'retry-after': bad }), now)).toBeNaN();
    }
  });
});
