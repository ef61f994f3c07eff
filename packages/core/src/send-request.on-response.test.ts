import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import type { PuguhOptions } from './options';
import type { ResponseInfo } from './response-info';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { apiError, failure, json, resetConnection, useFaultServer } from './test-support/fault-server';

const Ok = v.object({ ok: v.boolean() });
const server = useFaultServer();
const quota = { 'ratelimit-limit': '100', 'ratelimit-remaining': '42', 'ratelimit-reset': '30' };
const core = (options: PuguhOptions = {}) =>
  createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, ...options });

describe('onResponse', () => {
  test('a success: status, request id, rate limit, attempts, idempotency key, duration, headers', async () => {
    server.setDefault(
      json(201, { ok: true }, { ...quota, 'x-request-id': 'req_1', 'set-cookie': 'session=secret' }),
    );
    const seen: ResponseInfo[] = [];
    const result = await sendRequest(
      core({ onResponse: (info) => void seen.push(info) }),
      { method: 'POST', path: 'v1/things', body: { a: 1 }, schema: Ok },
      { idempotencyKey: 'idem-1' },
    );
    expect(result).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    const [info] = seen as [ResponseInfo];
    expect(info).toMatchObject({
      method: 'POST',
      path: 'v1/things',
      status: 201,
      requestId: 'req_1',
      rateLimit: { limit: 100, remaining: 42, resetSeconds: 30 },
      attempts: 1,
      idempotencyKey: 'idem-1',
    });
    expect(info.durationMs).toBeGreaterThanOrEqual(0);
    expect(info.headers['ratelimit-remaining']).toBe('42');
    expect(info.headers['set-cookie']).toBeUndefined();
    expect(Object.isFrozen(info.headers)).toBe(true);
    // A GET has no idempotency key.
    await sendRequest(core({ onResponse: (next) => void seen.push(next) }), { method: 'GET', path: 'v1/x' });
    expect(seen[1]?.idempotencyKey).toBeUndefined();
  });

  test('an HTTP error: the hook sees it, and the error carries the same rate limit and attempts', async () => {
    server.setDefault(apiError(404, 'not_found', 'no such thing', quota));
    const hook = vi.fn();
    const error = await failure(sendRequest(core({ onResponse: hook }), { method: 'GET', path: 'v1/x' }));
    expect(error).toMatchObject({
      code: 'not_found',
      attempts: 1,
      rateLimit: { limit: 100, remaining: 42, resetSeconds: 30 },
    });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook.mock.calls[0]?.[0]).toMatchObject({ status: 404, attempts: 1 });
  });

  test('retries are counted', async () => {
    server.script(
      apiError(503, 'unavailable', 'busy', { 'retry-after': '0' }),
      apiError(503, 'unavailable', 'busy', { 'retry-after': '0' }),
    );
    server.setDefault(json(200, { ok: true }, quota));
    const hook = vi.fn();
    await sendRequest(core({ onResponse: hook }), { method: 'GET', path: 'v1/x', schema: Ok });
    expect(hook.mock.calls[0]?.[0]).toMatchObject({ status: 200, attempts: 3 });
  });

  test('the replay after a refresh is counted', async () => {
    server.script(apiError(401, 'token_expired', 'expired'));
    server.setDefault(json(200, { ok: true }));
    const hook = vi.fn();
    const user = createPuguhCore({
      baseUrl: server.url,
      accessToken: 'old.access.token',
      refreshToken: 'rt_1',
      // A stand-in for automaticRefresh(): puts a new access token in place at once.
      refresh: {
        start: (session) => async () =>
          session.replace({ accessToken: 'new.access.token' } as Parameters<typeof session.replace>[0]),
      },
      onResponse: hook,
    });
    await sendRequest(user, { method: 'GET', path: 'v1/x', schema: Ok });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook.mock.calls[0]?.[0]).toMatchObject({ status: 200, attempts: 2 });
    expect(server.hits[1]?.headers.authorization).toBe('Bearer new.access.token');
  });

  test.each([
    ['absent', {}],
    ['garbage', { 'ratelimit-limit': 'abc', 'ratelimit-remaining': '-1', 'ratelimit-reset': '1e3' }],
    ['absurd', { 'ratelimit-limit': '9'.repeat(400), 'ratelimit-remaining': '', 'ratelimit-reset': '1.5' }],
  ])('rate-limit headers %s are undefined, never NaN', async (_name, headers) => {
    server.setDefault(json(200, { ok: true }, headers));
    const hook = vi.fn();
    await sendRequest(core({ onResponse: hook }), { method: 'GET', path: 'v1/x' });
    expect(hook.mock.calls[0]?.[0].rateLimit).toEqual({
      limit: undefined,
      remaining: undefined,
      resetSeconds: undefined,
    });
  });

  test('a hook that throws or rejects changes nothing; the logger hears of it', async () => {
    server.setDefault(json(200, { ok: true }));
    const warn = vi.fn();
    const throwing = core({
      onResponse: () => {
        throw new Error('metrics down');
      },
      logger: { debug: () => {}, warn },
    });
    await expect(sendRequest(throwing, { method: 'GET', path: 'v1/x', schema: Ok })).resolves.toEqual({
      ok: true,
    });
    await expect(
      sendRequest(
        throwing,
        { method: 'GET', path: 'v1/x', schema: Ok },
        { onResponse: () => Promise.reject(new Error('tracer down')) },
      ),
    ).resolves.toEqual({ ok: true });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(3));
    expect(warn.mock.calls.every(([message]) => /onResponse failed/.test(String(message)))).toBe(true);
  });

  test('derived cores inherit the core hook; with a call hook both run, core first', async () => {
    server.setDefault(json(200, { ok: true }));
    const order: string[] = [];
    const root = core({ onResponse: (info) => void order.push(`core ${info.path}`) });
    const tenant = withContext(root, { organizationId: 'org_1' });
    await sendRequest(tenant, { method: 'GET', path: 'v1/a' }, { onResponse: () => void order.push('call') });
    await sendRequest(tenant, { method: 'GET', path: 'v1/b' });
    expect(order).toEqual(['core v1/a', 'call', 'core v1/b']);
  });

  test('no answer, no hook; the NetworkError still says how many attempts were made', async () => {
    server.setDefault(resetConnection);
    const hook = vi.fn();
    const error = await failure(
      sendRequest(core({ onResponse: hook, maxRetries: 1 }), { method: 'GET', path: 'v1/x' }),
    );
    expect(error).toMatchObject({ name: 'NetworkError', attempts: 2, rateLimit: undefined });
    expect(hook).not.toHaveBeenCalled();
  });

  test('a hook that is not a function is a TypeError, on the core and on the call', async () => {
    expect(() => core({ onResponse: 'log' as never })).toThrow(/onResponse must be a function/);
    await expect(
      sendRequest(core(), { method: 'GET', path: 'v1/x' }, { onResponse: 1 as never }),
    ).rejects.toThrow(/onResponse must be a function/);
  });
});
