import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { NetworkError } from './errors/network-error';
import type { PuguhOptions } from './options';
import { sendRequest } from './send-request';
import { CANARY_KEY, everythingPrintable } from './test-support/canary';
import {
  cutBody,
  failure,
  garbage,
  hang,
  json,
  resetConnection,
  stallBody,
  startFaultServer,
  trickleBody,
  useFaultServer,
} from './test-support/fault-server';

const Ok = v.object({ ok: v.boolean() });
const server = useFaultServer();
const core = (options: PuguhOptions = {}) =>
  createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, ...options });
const get = (options: PuguhOptions = {}) =>
  sendRequest(core(options), { method: 'GET', path: 'v1/things', schema: Ok });

// Full jitter with Math.random() = 0 makes every backoff 0 ms: retries run at once.
const noJitterDelay = () => vi.spyOn(Math, 'random').mockReturnValue(0);

describe('transport faults', () => {
  test('a refused connection is a NetworkError that keeps the cause and leaks no key', async () => {
    const closed = await startFaultServer();
    await closed.close();
    const error = await failure(
      sendRequest(createPuguhCore({ baseUrl: closed.url, apiKey: CANARY_KEY, maxRetries: 0 }), {
        method: 'GET',
        path: 'v1/x',
      }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: 'connection_failed',
      statusCode: undefined,
      details: { errno: 'ECONNREFUSED' },
    });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(everythingPrintable(error)).not.toContain(CANARY_KEY);
  });

  test('a connection reset before any byte is retried for GET, then reported as connection_reset', async () => {
    noJitterDelay();
    server.setDefault(resetConnection);
    const error = await failure(get({ maxRetries: 2 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('connection_reset');
    expect(server.hits).toHaveLength(3);
  });

  test('a reset followed by a good answer succeeds transparently', async () => {
    noJitterDelay();
    server.script(resetConnection);
    await expect(get()).resolves.toEqual({ ok: true });
    expect(server.hits).toHaveLength(2);
  });

  test('a body cut off mid-way is a NetworkError, never handed to the schema', async () => {
    noJitterDelay();
    server.setDefault(cutBody);
    const error = await failure(get({ maxRetries: 1 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(server.hits).toHaveLength(2);
  });

  test('bytes that are not HTTP are a NetworkError, not a crash', async () => {
    server.setDefault(garbage);
    await expect(get({ maxRetries: 0 })).rejects.toBeInstanceOf(NetworkError);
  });

  test('a server that never answers times out after `timeout`, and GET is retried', async () => {
    noJitterDelay();
    server.setDefault(hang);
    const started = Date.now();
    const error = await failure(get({ timeout: 150, maxRetries: 1 }));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('timeout');
    expect(server.hits).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(5_000);
  });

  test('a body that stalls after the headers times out within the attempt timeout', async () => {
    server.setDefault(stallBody);
    const started = Date.now();
    const error = await failure(get({ timeout: 200, maxRetries: 0 }));
    expect(error).toMatchObject({ name: 'NetworkError', code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a body that trickles a byte at a time still times out: the timeout is a deadline, not idle time', async () => {
    server.setDefault(trickleBody);
    const started = Date.now();
    await expect(get({ timeout: 300, maxRetries: 0 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a POST whose connection was reset is retried under the same idempotency key', async () => {
    noJitterDelay();
    server.script(resetConnection, json(201, { ok: true }));
    await sendRequest(core(), { method: 'POST', path: 'v1/things', body: { name: 'x' }, schema: Ok });
    expect(server.hits).toHaveLength(2);
    const [first, second] = server.hits;
    expect(first?.headers['idempotency-key']).toBe(second?.headers['idempotency-key']);
    expect(second?.body).toBe(first?.body);
  });
});
