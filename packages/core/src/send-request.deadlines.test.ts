import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { closePuguhCore } from './close-puguh-core';
import { createPuguhCore } from './create-puguh-core';
import { sendRequest } from './send-request';
import { failure, json, useFaultServer } from './test-support/fault-server';

// Every wait of a call is bounded by its deadline: the accessToken function included, which is
// user code that may never settle (a storage read that hangs, a lock never released).
const Ok = v.object({ ok: v.boolean() });
const server = useFaultServer();
const never = () => new Promise<string>(() => {});

describe('an accessToken function that never settles', () => {
  test('an authenticated call fails with token_provider_failed after `timeout`, sending nothing', async () => {
    const provider = vi.fn(never);
    const core = createPuguhCore({ baseUrl: server.url, accessToken: provider, timeout: 150 });
    const started = Date.now();
    const error = await failure(sendRequest(core, { method: 'GET', path: 'v1/organizations' }));
    expect(error).toMatchObject({ name: 'AuthError', code: 'token_provider_failed' });
    expect((error as Error).message).toMatch(/did not settle within the timeout \(150 ms\)/);
    // No retry: asking the same stuck function again would only triple the wait.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(provider).toHaveBeenCalledTimes(1);
    expect(server.hits).toHaveLength(0);
  });

  test('a public call never consults it, and succeeds', async () => {
    server.setDefault(json(200, { ok: true }));
    const provider = vi.fn(never);
    const core = createPuguhCore({ baseUrl: server.url, accessToken: provider, timeout: 150 });
    await expect(
      sendRequest(core, { method: 'GET', path: 'v1/billing/plans', schema: Ok, authenticate: false }),
    ).resolves.toEqual({ ok: true });
    expect(provider).not.toHaveBeenCalled();
    expect(server.hits[0]?.headers.authorization).toBeUndefined();
  });

  test('the caller signal and close() end the wait at once', async () => {
    const core = createPuguhCore({ baseUrl: server.url, accessToken: never, timeout: 60_000 });
    const controller = new AbortController();
    const aborted = failure(
      sendRequest(core, { method: 'GET', path: 'v1/x' }, { signal: controller.signal }),
    );
    const closed = failure(sendRequest(core, { method: 'GET', path: 'v1/x' }));
    const reason = new Error('user left');
    const started = Date.now();
    controller.abort(reason);
    expect(await aborted).toBe(reason);
    closePuguhCore(core);
    expect(await closed).toMatchObject({ name: 'PuguhError', code: 'client_closed' });
    expect(Date.now() - started).toBeLessThan(200);
  });

  test('totalTimeout ends the wait too', async () => {
    const core = createPuguhCore({
      baseUrl: server.url,
      accessToken: never,
      timeout: 60_000,
      totalTimeout: 100,
    });
    const error = await failure(sendRequest(core, { method: 'GET', path: 'v1/x' }));
    expect(error).toMatchObject({ name: 'NetworkError', code: 'timeout' });
  });
});

describe('a closed core', () => {
  test('each call gets its own client_closed error, with its own stack', async () => {
    const core = createPuguhCore({ baseUrl: server.url });
    closePuguhCore(core);
    const first = await failure(sendRequest(core, { method: 'GET', path: 'v1/a' }));
    const second = await failure(sendRequest(core, { method: 'GET', path: 'v1/b' }));
    expect(first).toMatchObject({ code: 'client_closed' });
    expect(second).toMatchObject({ code: 'client_closed' });
    expect(first).not.toBe(second);
    expect(server.hits).toHaveLength(0);
  });
});
