import { AuthError, PuguhError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { login } from './login';
import { register } from './register';
import {
  expectIsoTimestamp,
  expectJwt,
  expectNoSecrets,
  onlyRequest,
  rejection,
  requestCount,
  uniqueEmail,
} from './test-support/helpers';

const api = useLocalApi();

describe('login', () => {
  test('signs in a user registered with register() and returns a TokenSet for that user', async () => {
    const email = uniqueEmail('login');
    const password = 'correct horse battery staple';
    const user = await register(api.anonymous, { email, password, fullName: 'Ada Lovelace' });
    const before = Date.now();

    const tokens = await login(api.anonymous, { email, password });

    expect(tokens.user).toEqual(user);
    expectJwt(tokens.accessToken);
    expect(tokens.refreshToken).not.toBe('');
    expect(tokens.refreshToken).not.toBe(tokens.accessToken);
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.expiresIn).toBeGreaterThan(0);
    expectIsoTimestamp(tokens.expiresAt);
    // expiresAt is expiresIn seconds after issue (the JWT's `exp` has whole-second precision).
    const expiresAt = Date.parse(tokens.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before - 1000 + tokens.expiresIn * 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 1000 + tokens.expiresIn * 1000);
  });

  test('sends a public POST: the body, an idempotency key, and never the core credential', async () => {
    const { email, password } = await api.signUp();
    api.server.clearRequests();

    await login(api.service, { email, password });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/login');
    expect(request.body).toEqual({ email, password }); // no mfa_code key when none was given
    expect(request.headers.authorization).toBeUndefined();
  });

  test('sends mfa_code when mfaCode is given', async () => {
    const { email, password } = await api.signUp();
    api.server.clearRequests();

    await login(api.anonymous, { email, password, mfaCode: '123456' }); // ignored: MFA is off

    expect(onlyRequest(api).body).toEqual({ email, password, mfa_code: '123456' });
  });

  test('rejects a wrong password with AuthError invalid_credentials that names neither password nor email', async () => {
    const { email } = await api.signUp();
    const wrongPassword = 'wrong-password-Zq81';

    const error = await rejection(login(api.anonymous, { email, password: wrongPassword }));

    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_credentials' });
    expect((error as AuthError).requestId).toMatch(/^req_/);
    expectNoSecrets(error, [wrongPassword, email]);
  });

  test('rejects an unknown e-mail the same way as a wrong password', async () => {
    const email = uniqueEmail('nobody');
    const error = await rejection(login(api.anonymous, { email, password: 'whatever-password' }));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_credentials' });
    expectNoSecrets(error, ['whatever-password', email]);
  });

  test.each([
    ['a missing input', undefined],
    ['an e-mail without @', { email: 'ada.example.test', password: 'secret-pass-1' }],
    ['an e-mail that is not a string', { email: 42, password: 'secret-pass-1' }],
    ['an empty password', { email: 'ada@example.test', password: '' }],
    ['a blank password', { email: 'ada@example.test', password: '   ' }],
    ['an mfaCode with spaces', { email: 'ada@example.test', password: 'secret-pass-1', mfaCode: '123 456' }],
    ['an empty mfaCode', { email: 'ada@example.test', password: 'secret-pass-1', mfaCode: '' }],
    [
      'an mfaCode that is a number',
      { email: 'ada@example.test', password: 'secret-pass-1', mfaCode: 123456 },
    ],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    const error = await rejection(login(api.anonymous, input as never));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(PuguhError);
    expectNoSecrets(error, ['secret-pass-1']);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError with retryAfter', async () => {
    api.server.faults.inject({ path: '/v1/auth/login', status: 429, headers: { 'retry-after': '5' } });
    const error = await rejection(login(api.anonymous, { email: uniqueEmail(), password: 'secret-pass-1' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 5 });
  });
});
