import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, createPuguhCore, NetworkError, sendRequest } from '@puguh/core';
import { type LocalApi, startLocalApi, useLocalApi } from '@puguh-internal/test-support';
import { base64url, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { decodeAccessToken } from './decode-access-token';
import { TokenSetSchema } from './schemas/token-set';
import { verifyAccessToken } from './verify-access-token';

const jwksHits = (api: LocalApi) =>
  api.server.requests.filter((request) => request.path === '/.well-known/jwks.json').length;
const now = () => Math.floor(Date.now() / 1000);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('verifyAccessToken against the local PUGUH API', () => {
  const api = useLocalApi();
  beforeAll(async () => {});

  test('a token from a real login verifies, with typed claims', async () => {
    const { email, password } = await api.signUp('Ada Lovelace');
    const tokens = await sendRequest(api.anonymous, {
      method: 'POST',
      path: 'v1/auth/login',
      body: { email, password },
      schema: TokenSetSchema,
      authenticate: false,
    });
    const claims = await verifyAccessToken(api.anonymous, tokens.accessToken);
    expect(claims).toMatchObject({
      sub: tokens.user.userId,
      email,
      roles: ['user'],
      iss: api.url,
      aud: 'puguh',
    });
    expect(claims.exp).toBeGreaterThan(now());
    expect(decodeAccessToken(tokens.accessToken)).toEqual(claims);
  });

  test.each([
    ['expired', () => ({ iat: now() - 600, nbf: now() - 600, exp: now() - 60 }), 'token_expired'],
    ['not yet valid', () => ({ nbf: now() + 120 }), 'token_not_yet_valid'],
    ['issued in the future', () => ({ iat: now() + 3_600, nbf: now() - 1 }), 'token_not_yet_valid'],
    ['from another issuer', () => ({ iss: 'https://evil.test' }), 'token_invalid'],
    ['for another audience', () => ({ aud: 'someone-else' }), 'token_invalid'],
    ['without a subject', () => ({ sub: '' }), 'token_invalid'],
  ])('a token %s is an AuthError', async (_name, claims, code) => {
    const token = await api.server.signAccessToken(claims());
    const error = await failure(verifyAccessToken(api.anonymous, token));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code });
  });

  test('a token expired within the clock tolerance still verifies; beyond it does not', async () => {
    const slightlyLate = await api.server.signAccessToken({ exp: now() - 3 });
    await expect(verifyAccessToken(api.anonymous, slightlyLate)).resolves.toMatchObject({ sub: 'usr_test' });
    await expect(verifyAccessToken(api.anonymous, slightlyLate, { clockTolerance: 0 })).rejects.toMatchObject(
      {
        code: 'token_expired',
      },
    );
  });

  test('a tampered payload fails the signature check, even when the claims look fine', async () => {
    const token = await api.server.signAccessToken();
    const [header, , signature] = token.split('.');
    const forged = base64url.encode(
      JSON.stringify({ ...decodeAccessToken(token), roles: ['user', 'owner'] }),
    );
    await expect(verifyAccessToken(api.anonymous, `${header}.${forged}.${signature}`)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
      details: { reason: 'signature' },
    });
  });

  test('an oversized token is refused before any JWKS fetch', async () => {
    const fresh = await startLocalApi();
    const error = await failure(verifyAccessToken(fresh.anonymous, `a.${'b'.repeat(20_000)}.c`));
    expect(error).toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
      details: { reason: 'too_large' },
    });
    expect(jwksHits(fresh)).toBe(0);
    await fresh.close();
  });

  test.each([[''], ['not-a-jwt'], ['a.b'], ['a.b.c.d'], [null], [42]])(
    'malformed input %j is an AuthError, never a TypeError',
    async (token) => {
      await expect(verifyAccessToken(api.anonymous, token as string)).rejects.toMatchObject({
        name: 'AuthError',
        code: 'token_invalid',
      });
    },
  );

  test('50 concurrent cold verifications share one JWKS fetch', async () => {
    const fresh = await startLocalApi();
    const token = await fresh.server.signAccessToken();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => verifyAccessToken(fresh.anonymous, token)),
    );
    expect(results).toHaveLength(50);
    expect(jwksHits(fresh)).toBe(1);
    await fresh.close();
  });

  test('key rotation: new tokens verify after one refetch once the cooldown passed; old ones keep verifying', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fresh = await startLocalApi();
    const oldToken = await fresh.server.signAccessToken();
    await verifyAccessToken(fresh.anonymous, oldToken);
    fresh.server.rotateSigningKey();
    const newToken = await fresh.server.signAccessToken();
    expect(JSON.parse(atob(newToken.split('.')[0] ?? '')).kid).not.toBe(
      JSON.parse(atob(oldToken.split('.')[0] ?? '')).kid,
    );
    vi.setSystemTime(Date.now() + 31_000);
    await expect(verifyAccessToken(fresh.anonymous, newToken)).resolves.toMatchObject({ sub: 'usr_test' });
    await expect(verifyAccessToken(fresh.anonymous, oldToken)).resolves.toMatchObject({ sub: 'usr_test' });
    expect(jwksHits(fresh)).toBe(2);
    await fresh.close();
  });

  test('a JWKS endpoint answering HTML is a NetworkError, not a bad token', async () => {
    const fresh = await startLocalApi();
    fresh.server.faults.inject({
      path: '/.well-known/jwks.json',
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>maintenance</html>',
    });
    const token = await fresh.server.signAccessToken();
    await expect(verifyAccessToken(fresh.anonymous, token)).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'jwks_invalid',
    });
    // The next call fetches again and succeeds: a bad key-set answer is not cached.
    await expect(verifyAccessToken(fresh.anonymous, token)).resolves.toMatchObject({ sub: 'usr_test' });
    await fresh.close();
  });

  test('a JWKS endpoint that hangs is a NetworkError within the timeout', async () => {
    const fresh = await startLocalApi();
    fresh.server.faults.inject({ path: '/.well-known/jwks.json', delayMs: 5_000 });
    const token = await fresh.server.signAccessToken();
    const started = Date.now();
    const error = await failure(verifyAccessToken(fresh.anonymous, token, { jwksTimeout: 300 }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await fresh.close();
  });

  test('a plain { baseUrl } works as well as a core, and is held to the same https rule', async () => {
    const token = await api.server.signAccessToken();
    await expect(verifyAccessToken({ baseUrl: api.url }, token)).resolves.toMatchObject({ sub: 'usr_test' });
    // Keys fetched over plain http from a non-loopback host could be swapped by anyone on the path.
    await expect(verifyAccessToken({ baseUrl: 'http://api.puguh.test' }, token)).rejects.toThrow(TypeError);
  });

  test('an unreachable JWKS is a NetworkError', async () => {
    const core = createPuguhCore({ baseUrl: 'http://127.0.0.1:9' });
    const token = await api.server.signAccessToken();
    await expect(verifyAccessToken(core, token)).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'connection_failed',
    });
  });
});

describe('verifyAccessToken against hand-made tokens (header attacks)', () => {
  let baseUrl: string;
  let attackerUrl: string;
  let jwksRequests = 0;
  let attackerRequests = 0;
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let closeAll: () => Promise<void>;

  const claims = (payload: JWTPayload) => ({
    sub: 'usr_1',
    email: 'eve@example.test',
    roles: ['user'],
    iss: baseUrl,
    aud: 'puguh',
    iat: now(),
    exp: now() + 300,
    ...payload,
  });
  const sign = (
    header: Record<string, unknown>,
    payload: JWTPayload = {},
    key: CryptoKey | Uint8Array = privateKey,
  ) =>
    new SignJWT(claims(payload))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'k1', ...header } as { alg: string })
      .sign(key);
  /** Signs by hand with WebCrypto, for headers jose itself refuses to produce (unknown `crit`). */
  const signRaw = async (header: Record<string, unknown>) => {
    const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims({})))}`;
    const signature = await crypto.subtle.sign(
      'RSASSA-PKCS1-v1_5',
      privateKey,
      new TextEncoder().encode(input),
    );
    return `${input}.${base64url.encode(new Uint8Array(signature))}`;
  };
  const core = () => createPuguhCore({ baseUrl });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = createServer((request, response) => {
      if (request.url === '/.well-known/jwks.json') jwksRequests += 1;
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [publicJwk] }));
    });
    const attacker = createServer((_request, response) => {
      attackerRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
    });
    const listen = (server: ReturnType<typeof createServer>) =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      );
    baseUrl = await listen(jwks);
    attackerUrl = await listen(attacker);
    closeAll = async () => {
      jwks.closeAllConnections();
      attacker.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => jwks.close(resolve)),
        new Promise((resolve) => attacker.close(resolve)),
      ]);
    };
  });
  afterAll(() => closeAll());

  test('a correctly signed token verifies (the fixture works)', async () => {
    await expect(verifyAccessToken(core(), await sign({}))).resolves.toMatchObject({ sub: 'usr_1' });
  });

  test('alg "none" is refused', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'k1' }));
    const payload = base64url.encode(
      JSON.stringify({
        sub: 'usr_1',
        email: 'e@x.test',
        roles: [],
        iss: baseUrl,
        aud: 'puguh',
        iat: now(),
        exp: now() + 60,
      }),
    );
    await expect(verifyAccessToken(core(), `${header}.${payload}.`)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
    });
  });

  test('HS256 signed with the public key (algorithm confusion) is refused', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const forged = await sign({ alg: 'HS256' }, {}, secret);
    await expect(verifyAccessToken(core(), forged)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
    });
  });

  test('jku, jwk and x5u headers are ignored: the attacker key is never fetched nor trusted', async () => {
    const attackerPair = await generateKeyPair('RS256', { extractable: true });
    const attackerJwk = await exportJWK(attackerPair.publicKey);
    const forged = await sign(
      { kid: 'k1', jku: `${attackerUrl}/jwks`, x5u: `${attackerUrl}/cert`, jwk: attackerJwk },
      {},
      attackerPair.privateKey,
    );
    await expect(verifyAccessToken(core(), forged)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
    });
    expect(attackerRequests).toBe(0);
  });

  test('a crit header with an unknown extension is refused even with a valid signature', async () => {
    const token = await signRaw({
      alg: 'RS256',
      typ: 'JWT',
      kid: 'k1',
      crit: ['urn:example:ext'],
      'urn:example:ext': 1,
    });
    // The same header without `crit` verifies: the refusal is about the extension, not the signature.
    await expect(
      verifyAccessToken(core(), await signRaw({ alg: 'RS256', typ: 'JWT', kid: 'k1' })),
    ).resolves.toBeDefined();
    await expect(verifyAccessToken(core(), token)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
    });
  });

  test('a token with typ other than JWT is refused', async () => {
    await expect(verifyAccessToken(core(), await sign({ typ: 'at+jwt' }))).rejects.toMatchObject({
      code: 'token_invalid',
    });
  });

  test('a flood of unknown kids costs at most one JWKS refetch per cooldown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const before = jwksRequests;
    await verifyAccessToken(core(), await sign({})).catch(() => {});
    const flood = await Promise.all(
      Array.from({ length: 25 }, (_, index) => sign({ kid: `random-${index}` })),
    );
    for (const token of flood)
      await expect(verifyAccessToken(core(), token)).rejects.toMatchObject({ code: 'token_invalid' });
    expect(jwksRequests - before).toBeLessThanOrEqual(1);
    vi.setSystemTime(Date.now() + 31_000);
    for (const token of flood)
      await expect(verifyAccessToken(core(), token)).rejects.toMatchObject({ code: 'token_invalid' });
    expect(jwksRequests - before).toBeLessThanOrEqual(2);
  });

  test('the error for an unknown kid does not list the known kids', async () => {
    const error = (await failure(verifyAccessToken(core(), await sign({ kid: 'nope' })))) as AuthError;
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('k1');
  });

  test('no jose error escapes, and bad options are RangeErrors', async () => {
    const error = await failure(verifyAccessToken(core(), await sign({}, { exp: now() - 3_600 })));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).constructor.name).toBe('AuthError');
    await expect(verifyAccessToken(core(), 'x', { clockTolerance: Number.NaN })).rejects.toThrow(RangeError);
    await expect(verifyAccessToken(core(), 'x', { maxTokenLength: -1 })).rejects.toThrow(RangeError);
  });
});

describe('decodeAccessToken', () => {
  test('decodes without verifying: a token signed by anyone decodes', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ email: 'x@y.test', roles: ['user'], org_id: 'org_1' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('usr_9')
      .setIssuer('https://anyone.test')
      .setAudience('puguh')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(privateKey);
    expect(decodeAccessToken(token)).toMatchObject({
      sub: 'usr_9',
      orgId: 'org_1',
      iss: 'https://anyone.test',
    });
  });

  test('garbage is an AuthError', () => {
    expect(() => decodeAccessToken('garbage')).toThrow(AuthError);
    expect(() => decodeAccessToken(`${base64url.encode('{}')}.${base64url.encode('{"sub":1}')}.`)).toThrow(
      AuthError,
    );
  });
});
