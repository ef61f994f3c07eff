import { createServer } from 'node:net';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, test, vi } from 'vitest';
import { createPuguhServer } from './server';
import { decodeJwt } from './test-support/harness';
import type { Organization, TokenSet, User } from './test-support/wire-types';

const BASE = 'http://localhost';
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('server.fetch (in-process)', () => {
  test('serves strings, URLs and Request objects like fetch; iss is the request origin', async () => {
    const server = createPuguhServer({
      users: [{ email: 'ada@example.test', password: 'ada-password', fullName: 'Ada' }],
    });
    expect((await server.fetch(`${BASE}/v1/billing/plans`)).status).toBe(200);
    expect((await server.fetch(new URL('/v1/billing/plans', BASE))).status).toBe(200);
    const login = await server.fetch(
      new Request(`${BASE}/v1/auth/login`, json({ email: 'ada@example.test', password: 'ada-password' })),
    );
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as TokenSet;
    expect(decodeJwt(tokens.access_token).payload.iss).toBe(BASE);
    const organizations = await server.fetch(`${BASE}/v1/organizations`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(organizations.status).toBe(200);
  });

  test('an already aborted signal rejects before anything is served', async () => {
    const server = createPuguhServer();
    const controller = new AbortController();
    controller.abort();
    await expect(
      server.fetch(`${BASE}/v1/billing/plans`, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toEqual([]);
  });

  test('two servers in one process share nothing', async () => {
    const first = createPuguhServer();
    const second = createPuguhServer();
    expect(first.apiKey).not.toBe(second.apiKey);
    const created = await first.fetch(`${BASE}/v1/organizations`, {
      ...json({ name: 'Only here', slug: 'only-here' }),
      headers: { authorization: `Bearer ${first.apiKey}`, 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    const list = await second.fetch(`${BASE}/v1/organizations`, {
      headers: { authorization: `Bearer ${second.apiKey}` },
    });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
    const wrongKey = await second.fetch(`${BASE}/v1/organizations`, {
      headers: { authorization: `Bearer ${first.apiKey}` },
    });
    expect(wrongKey.status).toBe(401);
  });
});

describe('options', () => {
  async function script(seed: string): Promise<{ apiKey: string; user: User; organization: Organization }> {
    const server = createPuguhServer({ seed });
    const user = (await (
      await server.fetch(
        `${BASE}/v1/auth/register`,
        json({ email: 'a@b.test', password: 'password-1', full_name: 'A' }),
      )
    ).json()) as User;
    const organization = (await (
      await server.fetch(`${BASE}/v1/organizations`, {
        ...json({ name: 'Acme', slug: 'acme' }),
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      })
    ).json()) as Organization;
    return { apiKey: server.apiKey, user, organization };
  }

  test('seeded record ids do not depend on how many reads happened in between', async () => {
    const quiet = await script('seed-3');
    const server = createPuguhServer({ seed: 'seed-3' });
    for (let index = 0; index < 5; index++) await server.fetch(`${BASE}/v1/billing/plans`);
    const user = (await (
      await server.fetch(
        `${BASE}/v1/auth/register`,
        json({ email: 'a@b.test', password: 'password-1', full_name: 'A' }),
      )
    ).json()) as User;
    expect(user.user_id).toBe(quiet.user.user_id);
  });

  test('the same seed gives the same service key and ids; another seed does not', async () => {
    const first = await script('seed-1');
    const again = await script('seed-1');
    const other = await script('seed-2');
    expect(first.apiKey).toMatch(/^pk_test_[0-9a-z]{20}$/);
    expect(again.apiKey).toBe(first.apiKey);
    expect(again.user.user_id).toBe(first.user.user_id);
    expect(again.organization.id).toBe(first.organization.id);
    expect(other.apiKey).not.toBe(first.apiKey);
    expect(other.user.user_id).not.toBe(first.user.user_id);
  });

  test('seeded users exist before the first request; invalid ones are refused synchronously', async () => {
    const server = createPuguhServer({
      users: [{ email: 'Seed@Example.test', password: 'seed-password', fullName: 'Seed' }],
    });
    const login = await server.fetch(
      `${BASE}/v1/auth/login`,
      json({ email: 'seed@example.test', password: 'seed-password' }),
    );
    expect(login.status).toBe(200);
    expect(() =>
      createPuguhServer({ users: [{ email: 'nope', password: 'seed-password', fullName: 'X' }] }),
    ).toThrow(TypeError);
    expect(() =>
      createPuguhServer({ users: [{ email: 'a@b.test', password: 'short', fullName: 'X' }] }),
    ).toThrow(TypeError);
    const twice = { email: 'a@b.test', password: 'long-enough', fullName: 'X' };
    expect(() => createPuguhServer({ users: [twice, { ...twice, email: 'A@B.test' }] })).toThrow(
      /listed twice/,
    );
  });

  test('creating a server uses no randomness or crypto until it is used (workerd forbids both at top level)', async () => {
    const random = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey');
    const derive = vi.spyOn(globalThis.crypto.subtle, 'deriveBits');
    const server = createPuguhServer({
      users: [{ email: 'lazy@example.test', password: 'lazy-password', fullName: 'Lazy' }],
    });
    expect([random.mock.calls.length, generate.mock.calls.length, derive.mock.calls.length]).toEqual([
      0, 0, 0,
    ]);
    expect(
      (
        await server.fetch(
          `${BASE}/v1/auth/login`,
          json({ email: 'lazy@example.test', password: 'lazy-password' }),
        )
      ).status,
    ).toBe(200);
    expect(generate).toHaveBeenCalled();
    expect(derive).toHaveBeenCalled();
  });

  test('lifetimes must be positive integers', () => {
    expect(() => createPuguhServer({ accessTokenTtlSeconds: 0 })).toThrow(RangeError);
    expect(() => createPuguhServer({ magicLinkTtlSeconds: 1.5 })).toThrow(RangeError);
  });

  test('accessTokenTtlSeconds sets exp and expires_in', async () => {
    const server = createPuguhServer({
      accessTokenTtlSeconds: 60,
      users: [{ email: 'ttl@example.test', password: 'ttl-password', fullName: 'T' }],
    });
    const tokens = (await (
      await server.fetch(
        `${BASE}/v1/auth/login`,
        json({ email: 'ttl@example.test', password: 'ttl-password' }),
      )
    ).json()) as TokenSet;
    expect(tokens.expires_in).toBe(60);
    const { payload } = decodeJwt(tokens.access_token);
    expect((payload.exp as number) - (payload.iat as number)).toBe(60);
  });
});

describe('signAccessToken', () => {
  test('signs with the current key: verifiable against the JWKS, claims overridable', async () => {
    const server = createPuguhServer();
    const token = await server.signAccessToken({
      sub: 'usr_custom',
      org_id: 'org_1',
      roles: ['user', 'admin'],
      extra: 1,
    });
    const jwks = (await (await server.fetch(`${BASE}/.well-known/jwks.json`)).json()) as { keys: [] };
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      audience: 'puguh',
      issuer: BASE,
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(payload).toMatchObject({
      sub: 'usr_custom',
      org_id: 'org_1',
      roles: ['user', 'admin'],
      extra: 1,
      email: 'test@puguh.test',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
  });

  test('the API accepts it for a registered user and follows rotation', async () => {
    const server = createPuguhServer();
    const user = (await (
      await server.fetch(
        `${BASE}/v1/auth/register`,
        json({ email: 's@b.test', password: 'password-1', full_name: 'S' }),
      )
    ).json()) as User;
    const kid = server.rotateSigningKey();
    const token = await server.signAccessToken({ sub: user.user_id });
    expect(decodeJwt(token).header.kid).toBe(kid);
    const response = await server.fetch(`${BASE}/v1/organizations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  test('after listen(), the default issuer is the listening origin', async () => {
    const server = createPuguhServer();
    const { url, close } = await server.listen();
    try {
      expect(decodeJwt(await server.signAccessToken()).payload.iss).toBe(url);
    } finally {
      await close();
    }
  });
});

describe('listen', () => {
  test('defaults to 127.0.0.1 on a free port; close() is idempotent and ends stalled connections', async () => {
    const server = createPuguhServer();
    const { url, close } = await server.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    server.faults.inject({ stallBody: true });
    const stalled = await fetch(`${url}/v1/billing/plans`);
    const reading = stalled.text();
    await close();
    await close();
    await expect(reading).rejects.toThrow();
  });

  test('one server can listen on several ports; a busy port rejects', async () => {
    const server = createPuguhServer();
    const first = await server.listen({ port: 0 });
    const second = await server.listen({ port: 0 });
    try {
      expect(first.url).not.toBe(second.url);
      expect((await fetch(`${second.url}/v1/billing/plans`)).status).toBe(200);
      const port = Number(new URL(first.url).port);
      await expect(server.listen({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await expect(server.listen({ port: 70_000 })).rejects.toThrow(RangeError);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('the port really is released after close()', async () => {
    const server = createPuguhServer();
    const { url, close } = await server.listen();
    await close();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(Number(new URL(url).port), '127.0.0.1', () => resolve());
    });
    await new Promise((resolve) => probe.close(resolve));
  });
});

describe('outbox', () => {
  test('last() finds the newest message overall or per recipient; clear() empties it', async () => {
    const server = createPuguhServer({
      users: [
        { email: 'one@example.test', password: 'password-1', fullName: 'One' },
        { email: 'two@example.test', password: 'password-2', fullName: 'Two' },
      ],
    });
    expect(server.outbox.last()).toBeUndefined();
    await server.fetch(`${BASE}/v1/auth/magic-link`, json({ email: 'one@example.test' }));
    await server.fetch(`${BASE}/v1/auth/magic-link`, json({ email: 'two@example.test' }));
    expect(server.outbox.messages).toHaveLength(2);
    expect(server.outbox.last()?.to).toBe('two@example.test');
    expect(server.outbox.last('ONE@example.test')?.to).toBe('one@example.test');
    expect(server.outbox.last('three@example.test')).toBeUndefined();
    server.outbox.clear();
    expect(server.outbox.messages).toEqual([]);
  });
});
