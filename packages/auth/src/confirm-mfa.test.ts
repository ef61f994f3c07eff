import { AuthError, PuguhError, RateLimitError } from '@puguh/core';
import { totp } from '@puguh/testing';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { confirmMfa } from './confirm-mfa';
import { login } from './login';
import { setupMfa } from './setup-mfa';
import { expectNoSecrets, onlyRequest, rejection, requestCount, wrongTotp } from './test-support/helpers';

const api = useLocalApi();

describe('confirmMfa', () => {
  test('turns MFA on: login then needs mfaCode, and accepts a TOTP code or a recovery code once', async () => {
    const { core, email, password, user } = await api.signUp();
    const { secret } = await setupMfa(core);

    const { recoveryCodes } = await confirmMfa(core, { code: await totp(secret) });

    expect(recoveryCodes.length).toBeGreaterThan(0);
    expect(new Set(recoveryCodes).size).toBe(recoveryCodes.length);
    for (const code of recoveryCodes) expect(code).toMatch(/^\S+$/);

    const withoutCode = await rejection(login(api.anonymous, { email, password }));
    expect(withoutCode).toBeInstanceOf(AuthError);
    expect(withoutCode).toMatchObject({ statusCode: 401, code: 'mfa_required' });

    const withTotp = await login(api.anonymous, { email, password, mfaCode: await totp(secret) });
    expect(withTotp.user).toEqual(user);

    // A recovery code passes the SDK's input check and the server's, exactly once.
    const recovery = recoveryCodes[0]!;
    const withRecovery = await login(api.anonymous, { email, password, mfaCode: recovery });
    expect(withRecovery.user).toEqual(user);
    const spent = await rejection(login(api.anonymous, { email, password, mfaCode: recovery }));
    expect(spent).toBeInstanceOf(AuthError);
    expect(spent).toMatchObject({ code: 'invalid_mfa_code' });
    expectNoSecrets(spent, [recovery, password]);
  });

  test("sends the code with the user's access token on a POST with an idempotency key", async () => {
    const { core, tokens } = await api.signUp();
    const { secret } = await setupMfa(core);
    const code = await totp(secret);
    api.server.clearRequests();

    await confirmMfa(core, { code });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/mfa/confirm');
    expect(request.body).toEqual({ code });
    expect(request.headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
  });

  test('rejects a wrong code with PuguhError 422 invalid_mfa_code and leaves MFA off', async () => {
    const { core, email, password } = await api.signUp();
    const { secret } = await setupMfa(core);

    const error = await rejection(confirmMfa(core, { code: await wrongTotp(secret) }));

    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 422, code: 'invalid_mfa_code' });
    await expect(login(api.anonymous, { email, password })).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  test('rejects a confirmation without setup with 409 mfa_not_set_up', async () => {
    const { core } = await api.signUp();
    const error = await rejection(confirmMfa(core, { code: '123456' }));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'mfa_not_set_up' });
  });

  test('refuses the service key with PuguhError 403', async () => {
    const error = await rejection(confirmMfa(api.service, { code: '123456' }));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'user_token_required' });
  });

  test.each([
    ['a missing input', undefined],
    ['a missing code', {}],
    ['an empty code', { code: '' }],
    ['a code with a space', { code: '123 456' }],
    ['a code with a newline', { code: '123456\n' }],
    ['a code that is a number', { code: 123456 }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    const error = await rejection(confirmMfa(api.service, input as never));
    expect(error).toBeInstanceOf(TypeError);
    expectNoSecrets(error, ['123 456', '123456']);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError', async () => {
    const { core } = await api.signUp();
    api.server.faults.inject({ path: '/v1/auth/mfa/confirm', status: 429, headers: { 'retry-after': '8' } });
    const error = await rejection(confirmMfa(core, { code: '123456' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 8 });
  });
});
