import { AuthError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { requestMagicLink } from './request-magic-link';
import { expectJwt, expectNoSecrets, onlyRequest, rejection, requestCount } from './test-support/helpers';
import { verifyMagicLink } from './verify-magic-link';

const api = useLocalApi();

/** Requests a link for `email` and returns the token from the e-mail the server "sent". */
async function magicLinkToken(email: string): Promise<string> {
  await requestMagicLink(api.anonymous, { email });
  const message = api.server.outbox.last(email);
  expect(message?.kind).toBe('magic_link');
  return message!.token;
}

describe('verifyMagicLink', () => {
  test('signs the user in with the token from the e-mail, once', async () => {
    const { email, user } = await api.signUp();
    const token = await magicLinkToken(email);

    const tokens = await verifyMagicLink(api.anonymous, { token });

    expect(tokens.user).toEqual(user);
    expectJwt(tokens.accessToken);
    expect(tokens.tokenType).toBe('Bearer');

    const second = await rejection(verifyMagicLink(api.anonymous, { token }));
    expect(second).toBeInstanceOf(AuthError);
    expect(second).toMatchObject({ statusCode: 401, code: 'invalid_magic_link' });
    expectNoSecrets(second, [token]);
  });

  test('sends a public POST with the token and no credential', async () => {
    const { email } = await api.signUp();
    const token = await magicLinkToken(email);
    api.server.clearRequests();

    await verifyMagicLink(api.service, { token });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/magic-link/verify');
    expect(request.body).toEqual({ token });
    expect(request.headers.authorization).toBeUndefined();
  });

  test('rejects an unknown token with AuthError', async () => {
    const error = await rejection(verifyMagicLink(api.anonymous, { token: 'ml_never-issued-4f2a' }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_magic_link' });
    expectNoSecrets(error, ['ml_never-issued-4f2a']);
  });

  test.each([
    ['a missing input', undefined],
    ['an empty token', { token: '' }],
    ['a blank token', { token: '\t' }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    await expect(verifyMagicLink(api.anonymous, input as never)).rejects.toBeInstanceOf(TypeError);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError', async () => {
    api.server.faults.inject({
      path: '/v1/auth/magic-link/verify',
      status: 429,
      headers: { 'retry-after': '4' },
    });
    const error = await rejection(verifyMagicLink(api.anonymous, { token: 'ml_anything' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 4 });
  });
});
