import { inspect } from 'node:util';
import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import type { PuguhOptions } from './options';
import { sendRequest } from './send-request';
import { CANARY_KEY, everythingPrintable } from './test-support/canary';
import {
  apiError,
  failure,
  hang,
  json,
  startFaultServer,
  text,
  useFaultServer,
} from './test-support/fault-server';

const server = useFaultServer();
const attacker = useFaultServer();
const core = (options: PuguhOptions = {}) =>
  createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, maxRetries: 0, ...options });

describe('secrets never leak', () => {
  test('inspecting or serialising a core shows no credential', () => {
    const printed = [
      everythingPrintable(core()),
      everythingPrintable(withContext(core(), { organizationId: 'org_1' })),
      String(Object.keys(core())),
      inspect(core(), { customInspect: false, showHidden: true, depth: Number.POSITIVE_INFINITY }),
    ].join('\n');
    expect(printed).not.toContain(CANARY_KEY);
    expect(printed).toContain('[redacted]');
    const userToken = `eyJ.CANARY${Math.random()}.sig`;
    const refresh = `rt_CANARY${Math.random()}`;
    const user = createPuguhCore({
      baseUrl: server.url,
      accessToken: userToken,
      refreshToken: refresh,
      refresh: { start: () => async () => {} },
    });
    expect(everythingPrintable(user)).not.toMatch(/CANARY/);
  });

  test.each([
    ['401', apiError(401, 'invalid_token', 'expired')],
    ['429', apiError(429, 'rate_limited', 'slow', { 'retry-after': '999' })],
    ['502 HTML', text(502, '<html>bad gateway</html>', { 'content-type': 'text/html' })],
    ['malformed 200', text(200, '{', { 'content-type': 'application/json' })],
  ])('a %s error carries no credential anywhere', async (_name, reply) => {
    server.setDefault(reply);
    const error = await failure(sendRequest(core(), { method: 'GET', path: 'v1/x', schema: v.object({}) }));
    expect(everythingPrintable(error)).not.toContain(CANARY_KEY);
  });

  test('a timeout and a refused connection carry no credential anywhere', async () => {
    server.setDefault(hang);
    const timeout = await failure(sendRequest(core({ timeout: 50 }), { method: 'GET', path: 'v1/x' }));
    const closed = await (async () => {
      const gone = await startFaultServer();
      await gone.close();
      return failure(
        sendRequest(createPuguhCore({ baseUrl: gone.url, apiKey: CANARY_KEY, maxRetries: 0 }), {
          method: 'GET',
          path: 'v1/x',
        }),
      );
    })();
    expect(everythingPrintable(timeout)).not.toContain(CANARY_KEY);
    expect(everythingPrintable(closed)).not.toContain(CANARY_KEY);
  });

  test('a password in a request body does not reach an error', async () => {
    const password = `CANARY-password-${Math.random()}`;
    server.setDefault(apiError(401, 'invalid_credentials', 'wrong email or password'));
    const error = await failure(
      sendRequest(core(), {
        method: 'POST',
        path: 'v1/auth/login',
        body: { email: 'a@b.test', password },
        authenticate: false,
      }),
    );
    expect(everythingPrintable(error)).not.toContain(password);
  });

  test.each([302, 307, 308])(
    'a %i redirect to another origin is refused: the other server receives nothing',
    async (status) => {
      server.setDefault(text(status, '', { location: `${attacker.url}/steal` }));
      const error = await failure(
        sendRequest(core(), {
          method: 'POST',
          path: 'v1/pay',
          body: { card: 'CANARY_CARD' },
          schema: v.object({}),
        }),
      );
      expect(error).toMatchObject({ name: 'PuguhError', code: 'unexpected_redirect', statusCode: status });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(attacker.hits).toHaveLength(0);
    },
  );

  test('the logger gets requests, responses and retries, never a body or a credential, and caller headers stay untouched', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const lines: string[] = [];
    const logger = {
      debug: (message: string, details: Record<string, unknown>) =>
        lines.push(`${message} ${JSON.stringify(details)}`),
    };
    const callerHeaders = { 'x-trace': 'abc' };
    const frozen = JSON.stringify(callerHeaders);
    server.script(apiError(503, 'unavailable', 'busy'));
    server.setDefault(json(200, {}));
    const password = `CANARY-pw-${Math.random()}`;
    await sendRequest(
      core({ logger, maxRetries: 1 }),
      {
        method: 'POST',
        path: 'v1/auth/login',
        body: { email: 'a@b.test', password, mfa_code: '123456' },
        schema: v.object({}),
      },
      { headers: callerHeaders },
    );
    const log = lines.join('\n');
    expect(log).toContain('puguh request');
    expect(log).toContain('puguh retry');
    expect(log).toContain('puguh response');
    expect(log).not.toContain(CANARY_KEY);
    expect(log).not.toContain(password);
    expect(log).not.toContain('123456');
    expect(log).toContain('v1/auth/login');
    expect(JSON.stringify(callerHeaders)).toBe(frozen);
  });
});
