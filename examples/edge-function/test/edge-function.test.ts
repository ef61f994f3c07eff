// The worker in workerd (Miniflare), called over real loopback HTTP, verifying tokens the local
// PUGUH API issued against that API's JWKS.
import { fileURLToPath } from 'node:url';
import { createPuguhServer, type ListeningServer, type PuguhServer } from '@puguh/testing';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleWorker } from '../scripts/bundle-worker';
import { closedPort } from './support/closed-port';
import { type SignedInUser, signUpAndLogIn } from './support/local-api-session';

const probedEntry = fileURLToPath(new URL('./fixtures/worker-with-runtime-header.ts', import.meta.url));

/** Starts the test build of the worker in workerd on a free loopback port. */
async function startWorker(puguhBaseUrl: string): Promise<{ url: URL; miniflare: Miniflare }> {
  const miniflare = new Miniflare({
    modules: true,
    script: await bundleWorker({ entry: probedEntry }),
    compatibilityDate: '2026-04-01',
    bindings: { PUGUH_BASE_URL: puguhBaseUrl },
    host: '127.0.0.1',
    port: 0,
  });
  return { url: await miniflare.ready, miniflare };
}

function callWorker(url: URL, authorization?: string): Promise<Response> {
  return fetch(url, { headers: authorization === undefined ? {} : { authorization } });
}

/** The token with some claims changed and the original signature kept: a forgery. */
function withForgedClaims(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const forged = Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url');
  return [header, forged, signature].join('.');
}

describe('the edge function in workerd, with the PUGUH API up', () => {
  let server: PuguhServer;
  let api: ListeningServer;
  let worker: { url: URL; miniflare: Miniflare };
  let ada: SignedInUser;

  beforeAll(async () => {
    server = createPuguhServer();
    api = await server.listen({ port: 0, hostname: '127.0.0.1' });
    worker = await startWorker(api.url);
    ada = await signUpAndLogIn(api.url, 'ada@example.test');
  });

  afterAll(async () => {
    await worker?.miniflare.dispose();
    await api?.close();
  });

  test('runs in workerd, not in Node', async () => {
    const response = await callWorker(worker.url);

    expect(response.headers.get('x-runtime')).toBe('Cloudflare-Workers');
  });

  test("answers 200 with the caller's claims for a token from a real login", async () => {
    const response = await callWorker(worker.url, `Bearer ${ada.accessToken}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      userId: ada.userId,
      email: 'ada@example.test',
      roles: ['user', 'owner'],
      orgId: ada.organizationId,
    });
  });

  test('gives orgId null for a token not scoped to an organization', async () => {
    const response = await callWorker(worker.url, `Bearer ${ada.unscopedAccessToken}`);

    expect(await response.json()).toEqual({
      userId: ada.userId,
      email: ada.email,
      roles: ['user'],
      orgId: null,
    });
  });

  test('fetches the JWKS once and then verifies locally, however many requests come', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => callWorker(worker.url, `Bearer ${ada.accessToken}`)),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const jwksFetches = server.requests.filter((request) => request.path === '/.well-known/jwks.json');
    expect(jwksFetches).toHaveLength(1);
    // Verification is local: the worker never asked the API about the token.
    expect(server.requests.filter((request) => request.path === '/v1/auth/validate')).toEqual([]);
  });

  test.each([
    ['no Authorization header', undefined],
    ['another scheme', `Basic ${Buffer.from('ada:secret').toString('base64')}`],
    ['an empty bearer token', 'Bearer '],
  ])('answers 401 unauthorized with WWW-Authenticate: Bearer for %s', async (_case, authorization) => {
    const response = await callWorker(worker.url, authorization);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  test('answers 401 token_invalid for a token whose claims were tampered with', async () => {
    const forged = withForgedClaims(ada.unscopedAccessToken, { roles: ['user', 'admin'] });
    const response = await callWorker(worker.url, `Bearer ${forged}`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="puguh", error="invalid_token"');
    expect(await response.json()).toMatchObject({ error: { code: 'token_invalid' } });
  });

  test('answers 401 token_invalid for something that is not a JWT', async () => {
    const response = await callWorker(worker.url, 'Bearer not-a-jwt');

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'token_invalid' } });
  });

  test('answers 401 token_expired for an expired token', async () => {
    const anHourAgo = Math.floor(Date.now() / 1000) - 3_600;
    const expired = await server.signAccessToken({ iat: anHourAgo, nbf: anHourAgo, exp: anHourAgo + 900 });
    const response = await callWorker(worker.url, `Bearer ${expired}`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(await response.json()).toMatchObject({ error: { code: 'token_expired' } });
  });
});

describe('the edge function in workerd, with the JWKS unreachable', () => {
  let server: PuguhServer;
  let api: ListeningServer;
  let worker: { url: URL; miniflare: Miniflare };

  beforeAll(async () => {
    server = createPuguhServer();
    api = await server.listen({ port: 0, hostname: '127.0.0.1' });
    worker = await startWorker(`http://127.0.0.1:${await closedPort()}`);
  });

  afterAll(async () => {
    await worker?.miniflare.dispose();
    await api?.close();
  });

  test('answers 503, not 401: an outage is not the caller’s fault', async () => {
    const token = await server.signAccessToken();
    const response = await callWorker(worker.url, `Bearer ${token}`);

    expect(response.status).toBe(503);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { code: 'jwks_unavailable' } });
  });
});
