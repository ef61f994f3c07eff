import { getEventListeners } from 'node:events';
import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { closePuguhCore } from './close-puguh-core';
import { withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import { getCoreState } from './internal/core-state';
import type { PuguhOptions } from './options';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { apiError, failure, hang, json, useFaultServer } from './test-support/fault-server';

const Ok = v.object({ ok: v.boolean() });
const server = useFaultServer();
const core = (options: PuguhOptions = {}) =>
  createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, ...options });
const activeTimers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
const waitFor = async (condition: () => boolean) => {
  for (let tries = 0; !condition() && tries < 100; tries++)
    await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('cancellation', () => {
  test('an already-aborted signal rejects with its reason and sends nothing', async () => {
    const reason = new Error('user left the page');
    const error = await failure(
      sendRequest(core(), { method: 'GET', path: 'v1/x' }, { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
    expect(server.hits).toHaveLength(0);
  });

  test('aborting in flight rejects at once with the reason, with no further attempt', async () => {
    server.setDefault(hang);
    const controller = new AbortController();
    const pending = failure(
      sendRequest(core(), { method: 'GET', path: 'v1/x' }, { signal: controller.signal }),
    );
    await waitFor(() => server.hits.length === 1);
    const started = Date.now();
    controller.abort();
    const error = await pending;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((error as Error).name).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.hits).toHaveLength(1);
  });

  test('aborting during the backoff sleep rejects at once and makes no further attempt', async () => {
    // The server asks for a 5 s wait, which the SDK honours: the abort must end that sleep early.
    server.setDefault(apiError(503, 'unavailable', 'busy', { 'retry-after': '5' }));
    const controller = new AbortController();
    const started = Date.now();
    const pending = failure(
      sendRequest(core(), { method: 'GET', path: 'v1/x' }, { signal: controller.signal }),
    );
    await waitFor(() => server.hits.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort(new Error('stop'));
    expect(await pending).toMatchObject({ message: 'stop' });
    expect(Date.now() - started).toBeLessThan(2_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.hits).toHaveLength(1);
  });

  test('one signal shared by many calls, some retried, keeps no listener afterwards', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const controller = new AbortController();
    const shared = core();
    for (let index = 0; index < 200; index++) {
      if (index % 10 === 0) server.script(apiError(503, 'unavailable', 'busy'));
      await sendRequest(shared, { method: 'GET', path: 'v1/x', schema: Ok }, { signal: controller.signal });
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('a core shared by many calls, concurrent and sequential, keeps nothing of finished calls and warns of nothing', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const shared = core();
    const caller = new AbortController();
    await Promise.all(
      Array.from({ length: 50 }, () =>
        sendRequest(shared, { method: 'GET', path: 'v1/x', schema: Ok }, { signal: caller.signal }),
      ),
    );
    for (let index = 0; index < 100; index++)
      await sendRequest(shared, { method: 'GET', path: 'v1/x', schema: Ok });
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('warning', onWarning);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    expect(
      getEventListeners(getCoreState(shared).lifecycles[0]?.signal as AbortSignal, 'abort'),
    ).toHaveLength(0);
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  test('no timer outlives its call, on success, on error and on timeout', async () => {
    const before = activeTimers();
    await sendRequest(core(), { method: 'GET', path: 'v1/x', schema: Ok });
    server.script(apiError(404, 'not_found', 'no'));
    await failure(sendRequest(core(), { method: 'GET', path: 'v1/x', schema: Ok }));
    server.script(hang);
    await failure(
      sendRequest(core({ timeout: 50, maxRetries: 0, totalTimeout: 5_000 }), { method: 'GET', path: 'v1/x' }),
    );
    // Not `toBe`: a timer of an earlier test may expire meanwhile; a leak can only add timers.
    expect(activeTimers()).toBeLessThanOrEqual(before);
  });
});

describe('closing', () => {
  test('close aborts calls in flight and rejects later calls with client_closed', async () => {
    server.setDefault(hang);
    const closing = core();
    const pending = failure(sendRequest(closing, { method: 'GET', path: 'v1/x' }));
    await waitFor(() => server.hits.length === 1);
    await closePuguhCore(closing);
    expect(await pending).toMatchObject({ name: 'PuguhError', code: 'client_closed' });
    server.setDefault(json(200, { ok: true }));
    await expect(sendRequest(closing, { method: 'GET', path: 'v1/x' })).rejects.toMatchObject({
      code: 'client_closed',
    });
    expect(server.hits).toHaveLength(1);
    await closePuguhCore(closing); // twice is harmless
  });

  test('closing a parent closes its derived cores; closing a derived core leaves the parent open', async () => {
    const parent = core();
    const first = withContext(parent, { organizationId: 'org_1' });
    await closePuguhCore(first);
    await expect(sendRequest(first, { method: 'GET', path: 'v1/x' })).rejects.toMatchObject({
      code: 'client_closed',
    });
    await expect(sendRequest(parent, { method: 'GET', path: 'v1/x', schema: Ok })).resolves.toEqual({
      ok: true,
    });
    const second = withContext(parent, { organizationId: 'org_2' });
    await closePuguhCore(parent);
    await expect(sendRequest(second, { method: 'GET', path: 'v1/x' })).rejects.toMatchObject({
      code: 'client_closed',
    });
  });
});
