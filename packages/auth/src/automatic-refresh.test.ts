import {
  AuthError,
  closePuguhCore,
  createPuguhCore,
  NetworkError,
  type PuguhOptions,
  sendRequest,
  type TokenSet,
  withContext,
} from '@puguh/core';
import { createPuguhServer } from '@puguh/testing';
import * as v from 'valibot';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { automaticRefresh } from './automatic-refresh';
import { TokenSetSchema } from './schemas/token-set';

const server = createPuguhServer();
let url = '';
let close: () => Promise<void>;
const OrganizationList = v.object({ data: v.array(v.object({ id: v.string() })) });
const count = (path: string) => server.requests.filter((request) => request.path === path).length;

beforeAll(async () => {
  ({ url, close } = await server.listen({ port: 0, hostname: '127.0.0.1' }));
});
afterAll(() => close());
beforeEach(() => {
  server.faults.clear();
  server.clearRequests();
});

let users = 0;
/** A signed-in user whose current access token has already expired, as after a long idle tab. */
async function expiredSession() {
  users += 1;
  const email = `refresh${users}@example.test`;
  const anonymous = createPuguhCore({ baseUrl: url });
  const auth = (path: string, body: unknown) =>
    sendRequest(anonymous, { method: 'POST', path, body, schema: TokenSetSchema, authenticate: false });
  await sendRequest(anonymous, {
    method: 'POST',
    path: 'v1/auth/register',
    body: { email, password: 'long enough password', full_name: 'R' },
    authenticate: false,
  });
  const tokens = await auth('v1/auth/login', { email, password: 'long enough password' });
  const now = Math.floor(Date.now() / 1000);
  const expired = await server.signAccessToken({
    sub: tokens.user.userId,
    email,
    iat: now - 900,
    nbf: now - 900,
    exp: now - 60,
  });
  server.clearRequests();
  return { tokens, expired };
}

/** A user core as a standalone-function user builds one: the SDK's refresh strategy wired in. */
const userCore = (options: PuguhOptions) => createPuguhCore({ refresh: automaticRefresh(), ...options });

/** A user core whose access token has expired, with automatic refresh. */
async function expiredCore(options: PuguhOptions = {}) {
  const { tokens, expired } = await expiredSession();
  return userCore({ baseUrl: url, accessToken: expired, refreshToken: tokens.refreshToken, ...options });
}

const listOrganizations = (core: ReturnType<typeof createPuguhCore>) =>
  sendRequest(core, { method: 'GET', path: 'v1/organizations', schema: OrganizationList });

describe('automatic refresh', () => {
  test('50 concurrent calls that hit 401 cause exactly one refresh, and each is replayed once', async () => {
    const { tokens, expired } = await expiredSession();
    const received: TokenSet[] = [];
    const core = userCore({
      baseUrl: url,
      accessToken: expired,
      refreshToken: tokens.refreshToken,
      onTokens: (next: TokenSet) => {
        received.push(next);
      },
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => listOrganizations(core)));
    expect(results).toHaveLength(50);
    expect(count('/v1/auth/refresh')).toBe(1);
    expect(count('/v1/organizations')).toBe(100);
    expect(received).toHaveLength(1);
    expect(received[0]?.refreshToken).not.toBe(tokens.refreshToken);
    const replays = server.requests.filter((request) => request.path === '/v1/organizations').slice(50);
    expect(new Set(replays.map((request) => request.headers.authorization))).toEqual(
      new Set([`Bearer ${received[0]?.accessToken}`]),
    );
    // The rotated token set is now the core's: later calls use it without refreshing again.
    await listOrganizations(core);
    expect(count('/v1/auth/refresh')).toBe(1);
  });

  test('the server refuses reuse of an old refresh token', async () => {
    const { tokens } = await expiredSession();
    const anonymous = createPuguhCore({ baseUrl: url });
    const refresh = (refreshToken: string) =>
      sendRequest(anonymous, {
        method: 'POST',
        path: 'v1/auth/refresh',
        body: { refresh_token: refreshToken },
        schema: TokenSetSchema,
        authenticate: false,
      });
    await refresh(tokens.refreshToken);
    await expect(refresh(tokens.refreshToken)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'refresh_token_reused',
    });
  });

  test('a refused refresh rejects every waiter with AuthError refresh_failed; none hangs; a later 401 tries again', async () => {
    const { tokens, expired } = await expiredSession();
    const core = userCore({
      baseUrl: url,
      accessToken: expired,
      refreshToken: `${tokens.refreshToken}x`,
    });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => listOrganizations(core)));
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    for (const outcome of outcomes) {
      const reason = (outcome as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(AuthError);
      expect(reason).toMatchObject({ code: 'refresh_failed', statusCode: 401 });
    }
    expect(count('/v1/auth/refresh')).toBe(1);
    await expect(listOrganizations(core)).rejects.toMatchObject({ code: 'refresh_failed' });
    expect(count('/v1/auth/refresh')).toBe(2);
  });

  test('a network failure during refresh is a NetworkError, not a logout: the next call refreshes fine', async () => {
    const core = await expiredCore({ maxRetries: 0 });
    server.faults.inject({ path: '/v1/auth/refresh', reset: true });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => listOrganizations(core)));
    for (const outcome of outcomes)
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(NetworkError);
    await expect(listOrganizations(core)).resolves.toBeDefined();
  });

  test('still 401 after a successful refresh: AuthError after one refresh and one replay, no loop', async () => {
    const { tokens, expired } = await expiredSession();
    const core = userCore({ baseUrl: url, accessToken: expired, refreshToken: tokens.refreshToken });
    server.faults.inject({
      path: '/v1/organizations',
      status: 401,
      body: { error: { code: 'invalid_token', message: 'no' } },
      times: 2,
    });
    await expect(listOrganizations(core)).rejects.toMatchObject({ name: 'AuthError', code: 'invalid_token' });
    expect(count('/v1/auth/refresh')).toBe(1);
    expect(count('/v1/organizations')).toBe(2);
  });

  test('API-key mode never refreshes, and neither does a user core without a refresh token', async () => {
    server.faults.inject({
      path: '/v1/organizations',
      status: 401,
      body: { error: { code: 'invalid_token', message: 'no' } },
      times: 2,
    });
    await expect(
      listOrganizations(createPuguhCore({ baseUrl: url, apiKey: 'pk_test_wrong' })),
    ).rejects.toBeInstanceOf(AuthError);
    await expect(
      listOrganizations(createPuguhCore({ baseUrl: url, accessToken: 'a.b.c' })),
    ).rejects.toBeInstanceOf(AuthError);
    expect(count('/v1/auth/refresh')).toBe(0);
  });

  test('a caller abort while waiting for the shared refresh rejects only that caller', async () => {
    const { tokens, expired } = await expiredSession();
    const core = userCore({ baseUrl: url, accessToken: expired, refreshToken: tokens.refreshToken });
    server.faults.inject({ path: '/v1/auth/refresh', delayMs: 200 });
    const controller = new AbortController();
    const aborted = sendRequest(
      core,
      { method: 'GET', path: 'v1/organizations' },
      { signal: controller.signal },
    );
    const patient = listOrganizations(core);
    setTimeout(() => controller.abort(new Error('gone')), 50);
    await expect(aborted).rejects.toThrow('gone');
    await expect(patient).resolves.toBeDefined();
    expect(count('/v1/auth/refresh')).toBe(1);
  });

  test('an onTokens that throws: the waiters replay with the new tokens and the logger is told', async () => {
    const { tokens, expired } = await expiredSession();
    const warn = vi.fn();
    const onTokens = vi.fn(() => {
      throw new Error('storage full');
    });
    const core = userCore({
      baseUrl: url,
      accessToken: expired,
      refreshToken: tokens.refreshToken,
      onTokens,
      logger: { debug: () => {}, warn },
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => listOrganizations(core)));
    expect(results).toHaveLength(5);
    expect(onTokens).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/onTokens failed/);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(tokens.refreshToken);
    await expect(listOrganizations(core)).resolves.toBeDefined();
    expect(count('/v1/auth/refresh')).toBe(1);
  });

  test('an onTokens that rejects is reported to debug when the logger has no warn', async () => {
    const { tokens, expired } = await expiredSession();
    const debug = vi.fn();
    const core = userCore({
      baseUrl: url,
      accessToken: expired,
      refreshToken: tokens.refreshToken,
      onTokens: () => Promise.reject(new Error('disk gone')),
      logger: { debug },
    });
    await expect(listOrganizations(core)).resolves.toBeDefined();
    await vi.waitFor(() =>
      expect(debug.mock.calls.some(([message]) => /onTokens failed/.test(String(message)))).toBe(true),
    );
  });

  test('an onTokens that never settles holds up neither this call nor the next 401', async () => {
    const { tokens, expired } = await expiredSession();
    const onTokens = vi.fn(() => new Promise<void>(() => {}));
    const core = userCore({
      baseUrl: url,
      accessToken: expired,
      refreshToken: tokens.refreshToken,
      onTokens,
      timeout: 2_000,
    });
    const started = Date.now();
    await expect(listOrganizations(core)).resolves.toBeDefined();
    // The rotated access token is rejected once more (revoked, say): a second refresh must run.
    server.faults.inject({
      path: '/v1/organizations',
      status: 401,
      body: { error: { code: 'invalid_token', message: 'no' } },
      times: 1,
    });
    await expect(listOrganizations(core)).resolves.toBeDefined();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(count('/v1/auth/refresh')).toBe(2);
    expect(onTokens).toHaveBeenCalledTimes(2);
  });

  test('a refresh seen through a withContext core goes out without tenant headers', async () => {
    const { tokens, expired } = await expiredSession();
    const root = userCore({ baseUrl: url, accessToken: expired, refreshToken: tokens.refreshToken });
    const tenant = withContext(root, { organizationId: 'org_tenant', applicationId: 'app_tenant' });
    await expect(listOrganizations(tenant)).resolves.toBeDefined();
    const refreshes = server.requests.filter((request) => request.path === '/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.headers['x-puguh-organization-id']).toBeUndefined();
    expect(refreshes[0]?.headers['x-puguh-application-id']).toBeUndefined();
    // …while the call that saw the 401 keeps its tenant on the replay.
    const replay = server.requests.filter((request) => request.path === '/v1/organizations').at(-1);
    expect(replay?.headers['x-puguh-organization-id']).toBe('org_tenant');
  });

  test('closing a withContext child during a shared refresh rejects only the child, at once', async () => {
    const { tokens, expired } = await expiredSession();
    const root = userCore({ baseUrl: url, accessToken: expired, refreshToken: tokens.refreshToken });
    const child = withContext(root, { organizationId: 'org_child' });
    server.faults.inject({ path: '/v1/auth/refresh', delayMs: 300 });
    // The child's call sees the 401 first and starts the refresh; the parent's joins it.
    const childCall = listOrganizations(child);
    await vi.waitFor(() => expect(count('/v1/auth/refresh')).toBe(1));
    const parentCall = listOrganizations(root);
    await vi.waitFor(() => expect(count('/v1/organizations')).toBe(2));
    const closedAt = Date.now();
    closePuguhCore(child);
    await expect(childCall).rejects.toMatchObject({ code: 'client_closed' });
    expect(Date.now() - closedAt).toBeLessThan(100);
    await expect(parentCall).resolves.toBeDefined();
    expect(count('/v1/auth/refresh')).toBe(1);
  });

  test('an exchange retried after a lost answer sends the same idempotency key', async () => {
    const core = await expiredCore({ maxRetries: 0 });
    server.faults.inject({ path: '/v1/auth/refresh', reset: true });
    await expect(listOrganizations(core)).rejects.toBeInstanceOf(NetworkError);
    await expect(listOrganizations(core)).resolves.toBeDefined();
    const keys = server.requests
      .filter((request) => request.path === '/v1/auth/refresh')
      .map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
  });

  test('a 429 from the refresh endpoint is not a verdict on the session: RateLimitError, and the next 401 tries again', async () => {
    const core = await expiredCore({ maxRetries: 0 });
    server.faults.inject({ path: '/v1/auth/refresh', status: 429, headers: { 'retry-after': '1' } });
    await expect(listOrganizations(core)).rejects.toMatchObject({ name: 'RateLimitError' });
    await expect(listOrganizations(core)).resolves.toBeDefined();
  });
});
