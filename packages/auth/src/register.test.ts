import { AuthError, PuguhError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { register } from './register';
import {
  expectIsoTimestamp,
  expectNoSecrets,
  onlyRequest,
  rejection,
  requestCount,
  uniqueEmail,
} from './test-support/helpers';

const api = useLocalApi();

describe('register', () => {
  test('creates an account and returns the User', async () => {
    const email = uniqueEmail('register');

    const user = await register(api.anonymous, { email, password: 'correct horse 1', fullName: 'Jane Doe' });

    expect(user).toMatchObject({ email, fullName: 'Jane Doe' });
    expect(user.userId).toMatch(/^usr_/);
    expectIsoTimestamp(user.createdAt);
    expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'fullName', 'userId']);
  });

  test('sends a public POST with full_name in snake_case and no credential', async () => {
    const email = uniqueEmail('register');

    await register(api.service, { email, password: 'correct horse 2', fullName: 'Jane Doe' });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/register');
    expect(request.body).toEqual({ email, password: 'correct horse 2', full_name: 'Jane Doe' });
    expect(request.headers.authorization).toBeUndefined();
  });

  test('rejects a registered e-mail with PuguhError 409 email_taken, without the password', async () => {
    const email = uniqueEmail('twice');
    await register(api.anonymous, { email, password: 'first-password-1', fullName: 'First' });

    const error = await rejection(
      register(api.anonymous, { email, password: 'second-password-2', fullName: 'Second' }),
    );

    expect(error).toBeInstanceOf(PuguhError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 409, code: 'email_taken' });
    expectNoSecrets(error, ['first-password-1', 'second-password-2']);
  });

  test.each([
    ['a missing input', undefined],
    ['an invalid e-mail', { email: 'jane@', password: 'secret-pass-1', fullName: 'Jane' }],
    ['an empty password', { email: 'jane@example.test', password: '', fullName: 'Jane' }],
    ['a missing password', { email: 'jane@example.test', fullName: 'Jane' }],
    ['a blank fullName', { email: 'jane@example.test', password: 'secret-pass-1', fullName: ' ' }],
    ['a missing fullName', { email: 'jane@example.test', password: 'secret-pass-1' }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    const error = await rejection(register(api.anonymous, input as never));
    expect(error).toBeInstanceOf(TypeError);
    expectNoSecrets(error, ['secret-pass-1']);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError', async () => {
    api.server.faults.inject({ path: '/v1/auth/register', status: 429, headers: { 'retry-after': '3' } });
    const error = await rejection(
      register(api.anonymous, { email: uniqueEmail(), password: 'secret-pass-1', fullName: 'Jane' }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 3 });
  });
});
