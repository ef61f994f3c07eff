import { AuthError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { refreshToken } from './refresh-token';
import { expectJwt, expectNoSecrets, onlyRequest, rejection, requestCount } from './test-support/helpers';

const api = useLocalApi();

describe('refreshToken', () => {
  test('exchanges a refresh token for a new set and rotates it', async () => {
    const { tokens, user } = await api.signUp();

    const next = await refreshToken(api.anonymous, { refreshToken: tokens.refreshToken });

    expect(next.user).toEqual(user);
    expectJwt(next.accessToken);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(next.tokenType).toBe('Bearer');

    // The old token is spent: presenting it again is treated as a leak.
    const reused = await rejection(refreshToken(api.anonymous, { refreshToken: tokens.refreshToken }));
    expect(reused).toBeInstanceOf(AuthError);
    expect(reused).toMatchObject({ statusCode: 401, code: 'refresh_token_reused' });
    expectNoSecrets(reused, [tokens.refreshToken, tokens.accessToken]);

    // …which revokes the whole family, including the token the rotation just issued.
    const revoked = await rejection(refreshToken(api.anonymous, { refreshToken: next.refreshToken }));
    expect(revoked).toBeInstanceOf(AuthError);
    expect(revoked).toMatchObject({ statusCode: 401 });
  });

  test('sends a public POST even from a core acting as a user', async () => {
    const { tokens, core } = await api.signUp();
    api.server.clearRequests();

    await refreshToken(core, { refreshToken: tokens.refreshToken });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/refresh');
    expect(request.body).toEqual({ refresh_token: tokens.refreshToken });
    expect(request.headers.authorization).toBeUndefined();
  });

  test('rejects an unknown refresh token with AuthError, without echoing it', async () => {
    const bogus = 'rt_this-token-was-never-issued-8d1c';
    const error = await rejection(refreshToken(api.anonymous, { refreshToken: bogus }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_refresh_token' });
    expectNoSecrets(error, [bogus]);
  });

  test.each([
    ['a missing input', undefined],
    ['an empty token', { refreshToken: '' }],
    ['a blank token', { refreshToken: '  ' }],
    ['a token that is not a string', { refreshToken: 7 }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    await expect(refreshToken(api.anonymous, input as never)).rejects.toBeInstanceOf(TypeError);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError', async () => {
    api.server.faults.inject({ path: '/v1/auth/refresh', status: 429, headers: { 'retry-after': '2' } });
    const error = await rejection(refreshToken(api.anonymous, { refreshToken: 'rt_anything' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 2 });
  });
});
