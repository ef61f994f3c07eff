import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import { getCoreState } from './internal/core-state';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { apiError, failure, json, useFaultServer } from './test-support/fault-server';

const server = useFaultServer();

describe('careless callers and odd custom fetches', () => {
  test('a custom fetch that ignores the signal still cannot hold a call past its timeout', async () => {
    const core = createPuguhCore({
      baseUrl: server.url,
      apiKey: CANARY_KEY,
      timeout: 100,
      maxRetries: 0,
      fetch: () => new Promise<Response>(() => {}),
    });
    const started = Date.now();
    const error = await failure(sendRequest(core, { method: 'GET', path: 'v1/x' }));
    expect(error).toMatchObject({ name: 'NetworkError', code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test.each(['post', 'Get', 'OPTIONS', 'TRACE'])(
    'method %s is a TypeError before anything is sent',
    async (method) => {
      const core = createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY });
      await expect(sendRequest(core, { method: method as 'GET', path: 'v1/x' })).rejects.toThrow(
        'method must be one of GET, POST, PUT, PATCH, DELETE',
      );
      expect(server.hits).toHaveLength(0);
    },
  );

  test('many calls in a backoff sleep add one listener to the core’s close signal, not one each', async () => {
    server.script(
      ...Array.from({ length: 20 }, () => apiError(503, 'busy', 'busy', { 'retry-after': '0.3' })),
    );
    server.setDefault(json(200, {}));
    const core = createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, maxRetries: 1 });
    const calls = Array.from({ length: 20 }, () => sendRequest(core, { method: 'GET', path: 'v1/x' }));
    const closeSignal = (getCoreState(core).lifecycles[0] as AbortController).signal;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(getEventListeners(closeSignal, 'abort').length).toBeLessThanOrEqual(1);
    await Promise.all(calls);
    expect(getEventListeners(closeSignal, 'abort')).toHaveLength(0);
  });

  test('withContext refuses keys it does not read, such as the per-call orgId', () => {
    const core = createPuguhCore({ baseUrl: server.url, organizationId: 'org_parent' });
    expect(() => withContext(core, { orgId: 'org_tenant' } as never)).toThrow(
      /withContext: unknown option "orgId"/,
    );
  });

  test('a refreshed access token that cannot be a header is refused, without quoting it', () => {
    let replace: ((tokens: { accessToken: string }) => void) | undefined;
    createPuguhCore({
      baseUrl: server.url,
      accessToken: 'old.token.value',
      refreshToken: 'rt_1',
      refresh: {
        start: (session) => {
          replace = session.replace as never;
          return async () => {};
        },
      },
    });
    const secret = 'eyJ.SECRET\nTOKEN';
    expect(() => replace?.({ accessToken: secret })).toThrow(TypeError);
    try {
      replace?.({ accessToken: secret });
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
  });
});
