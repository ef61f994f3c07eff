import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import { decodeJwt, expectError, unique, useServer } from '../test-support/harness';
import type { TokenSet, User, UserContext } from '../test-support/wire-types';

const api = useServer();
const PASSWORD = 'correct-horse-battery';

describe('POST /v1/auth/register', () => {
  test('creates a user: 201, the User shape, email normalised', async () => {
    const email = `${unique('Ada')}@Example.TEST`;
    const response = await api.call<User>('POST', '/v1/auth/register', {
      body: { email, password: PASSWORD, full_name: '  Ada Lovelace ' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      user_id: expect.stringMatching(/^usr_[0-9a-z]{20}$/),
      email: email.toLowerCase(),
      full_name: 'Ada Lovelace',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  test('a duplicate email (any case) is 409 email_taken', async () => {
    const { email } = await api.signUp('dup');
    const response = await api.call('POST', '/v1/auth/register', {
      body: { email: email.toUpperCase(), password: PASSWORD, full_name: 'Again' },
    });
    expectError(response, 409, 'email_taken');
  });

  test('concurrent registrations of one email: exactly one wins', async () => {
    const email = `${unique('race')}@example.test`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.call('POST', '/v1/auth/register', { body: { email, password: PASSWORD, full_name: 'Race' } }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
  });

  test('an invalid body is 400 invalid_request naming every bad field', async () => {
    const response = await api.call('POST', '/v1/auth/register', {
      body: { email: 'not-an-email', password: 'short', full_name: '' },
    });
    const error = expectError(response, 400, 'invalid_request');
    expect(error.details?.fields).toEqual({
      email: 'must be a valid email address',
      password: 'must be at least 8 characters',
      full_name: 'must not be empty',
    });
  });

  test('missing fields are reported as required; a non-object body is refused', async () => {
    const missing = await api.call('POST', '/v1/auth/register', { body: {} });
    expect(expectError(missing, 400, 'invalid_request').details?.fields).toEqual({
      email: 'is required',
      password: 'is required',
      full_name: 'is required',
    });
    const array = await api.call('POST', '/v1/auth/register', { body: [1, 2] });
    expect(expectError(array, 400, 'invalid_request').details?.fields).toEqual({
      body: 'must be a JSON object',
    });
  });

  test('malformed JSON is 400 invalid_json', async () => {
    expectError(await api.call('POST', '/v1/auth/register', { raw: '{"email": ' }), 400, 'invalid_json');
  });
});

describe('POST /v1/auth/login', () => {
  test('returns a TokenSet with an ES256 JWT carrying the contract claims', async () => {
    const { email, user } = await api.signUp('login');
    const response = await api.call<TokenSet>('POST', '/v1/auth/login', {
      body: { email, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.stringMatching(/^rt_/),
      token_type: 'Bearer',
      expires_in: 900,
      expires_at: expect.any(String),
      user,
    });
    const { header, payload } = decodeJwt(response.body.access_token);
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: expect.stringMatching(/^key_/) });
    expect(payload).toEqual({
      iss: api.url,
      aud: 'puguh',
      sub: user.user_id,
      email,
      roles: ['user'],
      iat: expect.any(Number),
      nbf: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    expect(new Date(response.body.expires_at).getTime()).toBe((payload.exp as number) * 1000);
  });

  test('the token verifies with jose against the served JWKS', async () => {
    const { token, user } = await api.signUp('jwks');
    const jwks = createRemoteJWKSet(new URL(`${api.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: api.url, audience: 'puguh' });
    expect(payload.sub).toBe(user.user_id);
    expect(protectedHeader.alg).toBe('ES256');
  });

  test('a wrong password and an unknown email give the same 401 invalid_credentials', async () => {
    const { email } = await api.signUp('wrong');
    const wrongPassword = await api.call('POST', '/v1/auth/login', {
      body: { email, password: 'not-the-password' },
    });
    const unknownEmail = await api.call('POST', '/v1/auth/login', {
      body: { email: `${unique('nobody')}@example.test`, password: PASSWORD },
    });
    const first = expectError(wrongPassword, 401, 'invalid_credentials');
    const second = expectError(unknownEmail, 401, 'invalid_credentials');
    expect(first.message).toBe(second.message);
  });

  test('login is case-insensitive on the email', async () => {
    const { email } = await api.signUp('case');
    const response = await api.call('POST', '/v1/auth/login', {
      body: { email: email.toUpperCase(), password: PASSWORD },
    });
    expect(response.status).toBe(200);
  });

  test('X-Puguh-Organization-Id of an organization the user belongs to scopes the token', async () => {
    const { email, token } = await api.signUp('scoped');
    const organization = await api.createOrganization(token);
    const scoped = await api.call<TokenSet>('POST', '/v1/auth/login', {
      body: { email, password: PASSWORD },
      headers: { 'x-puguh-organization-id': organization.id },
    });
    expect(decodeJwt(scoped.body.access_token).payload).toMatchObject({
      org_id: organization.id,
      roles: ['user', 'owner'],
    });

    const other = await api.signUp('stranger');
    const foreign = await api.call<TokenSet>('POST', '/v1/auth/login', {
      body: { email: other.email, password: PASSWORD },
      headers: { 'x-puguh-organization-id': organization.id },
    });
    expect(decodeJwt(foreign.body.access_token).payload).not.toHaveProperty('org_id');
    expect(decodeJwt(foreign.body.access_token).payload.roles).toEqual(['user']);
  });

  test('missing fields are 400 invalid_request', async () => {
    const error = expectError(
      await api.call('POST', '/v1/auth/login', { body: { email: 'a@b.test' } }),
      400,
      'invalid_request',
    );
    expect(error.details?.fields).toEqual({ password: 'is required' });
  });
});

describe('POST /v1/auth/refresh', () => {
  test('rotates: a new pair, and the old refresh token is spent', async () => {
    const { tokens } = await api.signUp('refresh');
    const first = await api.call<TokenSet>('POST', '/v1/auth/refresh', {
      body: { refresh_token: tokens.refresh_token },
    });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(first.body.user.user_id).toBe(tokens.user.user_id);
    const second = await api.call<TokenSet>('POST', '/v1/auth/refresh', {
      body: { refresh_token: first.body.refresh_token },
    });
    expect(second.status).toBe(200);
  });

  test('reusing a spent token is 401 refresh_token_reused and revokes the whole family', async () => {
    const { tokens } = await api.signUp('reuse');
    const rotated = await api.call<TokenSet>('POST', '/v1/auth/refresh', {
      body: { refresh_token: tokens.refresh_token },
    });
    expectError(
      await api.call('POST', '/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } }),
      401,
      'refresh_token_reused',
    );
    // The newest token of that family is dead too.
    expectError(
      await api.call('POST', '/v1/auth/refresh', { body: { refresh_token: rotated.body.refresh_token } }),
      401,
      'invalid_refresh_token',
    );
  });

  test('another session of the same user is unaffected by a revoked family', async () => {
    const { tokens, email } = await api.signUp('families');
    const other = await api.call<TokenSet>('POST', '/v1/auth/login', { body: { email, password: PASSWORD } });
    await api.call('POST', '/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } });
    await api.call('POST', '/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } });
    const survivor = await api.call('POST', '/v1/auth/refresh', {
      body: { refresh_token: other.body.refresh_token },
    });
    expect(survivor.status).toBe(200);
  });

  test('an unknown refresh token is 401 invalid_refresh_token', async () => {
    expectError(
      await api.call('POST', '/v1/auth/refresh', { body: { refresh_token: 'rt_nope' } }),
      401,
      'invalid_refresh_token',
    );
  });

  test('refresh honours the organization context header', async () => {
    const { tokens, token } = await api.signUp('refresh-scope');
    const organization = await api.createOrganization(token);
    const refreshed = await api.call<TokenSet>('POST', '/v1/auth/refresh', {
      body: { refresh_token: tokens.refresh_token },
      headers: { 'x-puguh-organization-id': organization.id },
    });
    expect(decodeJwt(refreshed.body.access_token).payload.org_id).toBe(organization.id);
  });
});

describe('POST /v1/auth/validate', () => {
  test('describes a valid token', async () => {
    const { token, user } = await api.signUp('validate');
    const response = await api.call<UserContext>('POST', '/v1/auth/validate', { body: { token } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user_id: user.user_id,
      email: user.email,
      full_name: user.full_name,
      roles: ['user'],
      organization_id: null,
      expires_at: expect.any(String),
    });
  });

  test('an expired token is 401 token_expired; a tampered one 401 invalid_token', async () => {
    const { user, token } = await api.signUp('expired');
    const expired = await api.server.signAccessToken({
      sub: user.user_id,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expectError(
      await api.call('POST', '/v1/auth/validate', { body: { token: expired } }),
      401,
      'token_expired',
    );
    const tampered = `${token.slice(0, -4)}AAAA`;
    expectError(
      await api.call('POST', '/v1/auth/validate', { body: { token: tampered } }),
      401,
      'invalid_token',
    );
    expectError(
      await api.call('POST', '/v1/auth/validate', { body: { token: 'garbage' } }),
      401,
      'invalid_token',
    );
  });

  test('a token for another audience, or for no known user, is 401 invalid_token', async () => {
    const { user } = await api.signUp('audience');
    const wrongAudience = await api.server.signAccessToken({ sub: user.user_id, aud: 'someone-else' });
    expectError(
      await api.call('POST', '/v1/auth/validate', { body: { token: wrongAudience } }),
      401,
      'invalid_token',
    );
    const ghost = await api.server.signAccessToken({ sub: 'usr_ghost' });
    expectError(
      await api.call('POST', '/v1/auth/validate', { body: { token: ghost } }),
      401,
      'invalid_token',
    );
  });
});

describe('magic links', () => {
  test('a link is sent to the outbox and signs in once', async () => {
    const { email, user } = await api.signUp('magic');
    const sent = await api.call('POST', '/v1/auth/magic-link', { body: { email: email.toUpperCase() } });
    expect(sent.status).toBe(204);
    expect(sent.text).toBe('');
    const message = api.server.outbox.last(email);
    expect(message).toEqual({
      to: email,
      kind: 'magic_link',
      token: expect.stringMatching(/^ml_/),
      link: `${api.url}/magic-link?token=${message?.token}`,
      sentAt: expect.any(String),
    });
    const verified = await api.call<TokenSet>('POST', '/v1/auth/magic-link/verify', {
      body: { token: message?.token },
    });
    expect(verified.status).toBe(200);
    expect(verified.body.user.user_id).toBe(user.user_id);
    expectError(
      await api.call('POST', '/v1/auth/magic-link/verify', { body: { token: message?.token } }),
      401,
      'invalid_magic_link',
    );
  });

  test('an unknown email still gets 204 and nothing is sent', async () => {
    const before = api.server.outbox.messages.length;
    const response = await api.call('POST', '/v1/auth/magic-link', {
      body: { email: `${unique('ghost')}@example.test` },
    });
    expect(response.status).toBe(204);
    expect(api.server.outbox.messages.length).toBe(before);
  });

  test('an unknown token is 401 invalid_magic_link; a bad email is 400', async () => {
    expectError(
      await api.call('POST', '/v1/auth/magic-link/verify', { body: { token: 'ml_nope' } }),
      401,
      'invalid_magic_link',
    );
    expectError(
      await api.call('POST', '/v1/auth/magic-link', { body: { email: 'nope' } }),
      400,
      'invalid_request',
    );
  });
});

describe('magic links expire', () => {
  let clock = Date.parse('2026-03-01T00:00:00.000Z');
  const timed = useServer({ now: () => clock, magicLinkTtlSeconds: 60 });

  test('a link older than magicLinkTtlSeconds is refused', async () => {
    const { email } = await timed.signUp('late');
    await timed.call('POST', '/v1/auth/magic-link', { body: { email } });
    const token = timed.server.outbox.last(email)?.token;
    clock += 61_000;
    expectError(
      await timed.call('POST', '/v1/auth/magic-link/verify', { body: { token } }),
      401,
      'invalid_magic_link',
    );
  });

  test('access tokens expire after accessTokenTtlSeconds (default 900)', async () => {
    const { token } = await timed.signUp('ttl');
    expect((await timed.call('GET', '/v1/organizations', { token })).status).toBe(200);
    clock += 901_000;
    expectError(await timed.call('GET', '/v1/organizations', { token }), 401, 'token_expired');
  });
});

describe('signing keys', () => {
  test('rotation adds a kid; tokens signed by the old key keep working', async () => {
    const { token: oldToken, email } = await api.signUp('rotate');
    const before = await api.call<{ keys: { kid: string; d?: string }[] }>('GET', '/.well-known/jwks.json');
    const kid = api.server.rotateSigningKey();
    const after = await api.call<{ keys: { kid: string; d?: string }[] }>('GET', '/.well-known/jwks.json');
    expect(after.body.keys.map((key) => key.kid)).toEqual([...before.body.keys.map((key) => key.kid), kid]);
    expect(after.body.keys.every((key) => key.d === undefined)).toBe(true); // public keys only
    const login = await api.call<TokenSet>('POST', '/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(decodeJwt(login.body.access_token).header.kid).toBe(kid);
    expect((await api.call('GET', '/v1/organizations', { token: oldToken })).status).toBe(200);
  });
});
