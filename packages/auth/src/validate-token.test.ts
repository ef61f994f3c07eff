import { AuthError, RateLimitError, sendRequest } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { login } from './login';
import { expectNoSecrets, onlyRequest, rejection, requestCount } from './test-support/helpers';
import { validateToken } from './validate-token';

const api = useLocalApi();

describe('validateToken', () => {
  test('returns the UserContext of a valid token, without organizationId when unscoped', async () => {
    const { tokens, user } = await api.signUp('Grace Hopper');

    const context = await validateToken(api.anonymous, { token: tokens.accessToken });

    expect(context).toEqual({
      userId: user.userId,
      email: user.email,
      fullName: 'Grace Hopper',
      roles: ['user'],
      expiresAt: tokens.expiresAt,
    });
    // Left out, not set to undefined (exactOptionalPropertyTypes).
    expect('organizationId' in context).toBe(false);
  });

  test('returns organizationId and the organization role for a token scoped to an organization', async () => {
    const { email, password, core } = await api.signUp();
    const organization = await sendRequest(core, {
      method: 'POST',
      path: 'v1/organizations',
      body: { name: 'Acme', slug: `acme-${Date.now().toString(36)}` },
      schema: v.object({ id: v.string() }),
    });
    const scoped = await login(api.core({ organizationId: organization.id }), { email, password });

    const context = await validateToken(api.anonymous, { token: scoped.accessToken });

    expect(context.organizationId).toBe(organization.id);
    expect(context.roles).toEqual(expect.arrayContaining(['user', 'owner']));
  });

  test('sends the token in the body of a public POST, never the core credential', async () => {
    const { tokens } = await api.signUp();
    api.server.clearRequests();

    await validateToken(api.service, { token: tokens.accessToken });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/validate');
    expect(request.body).toEqual({ token: tokens.accessToken });
    expect(request.headers.authorization).toBeUndefined();
  });

  test('rejects a garbage token with AuthError, without echoing it', async () => {
    const garbage = 'not.a-real.jwt-Qx7';
    const error = await rejection(validateToken(api.anonymous, { token: garbage }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
    expectNoSecrets(error, [garbage]);
  });

  test('rejects a token whose signature was tampered with', async () => {
    const { tokens } = await api.signUp();
    const [header, payload, signature] = tokens.accessToken.split('.') as [string, string, string];
    const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(validateToken(api.anonymous, { token: tampered })).rejects.toBeInstanceOf(AuthError);
  });

  test.each([
    ['a missing input', undefined],
    ['an empty token', { token: '' }],
    ['a token that is not a string', { token: null }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    await expect(validateToken(api.anonymous, input as never)).rejects.toBeInstanceOf(TypeError);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError', async () => {
    api.server.faults.inject({ path: '/v1/auth/validate', status: 429, headers: { 'retry-after': '1' } });
    const error = await rejection(validateToken(api.anonymous, { token: 'a.b.c' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 1 });
  });
});
