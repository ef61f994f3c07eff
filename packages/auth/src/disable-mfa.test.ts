import { AuthError, PuguhError, RateLimitError } from '@puguh/core';
import { totp } from '@puguh/testing';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { disableMfa } from './disable-mfa';
import { login } from './login';
import { enableMfa, onlyRequest, rejection, requestCount, wrongTotp } from './test-support/helpers';

const api = useLocalApi();

describe('disableMfa', () => {
  test('turns MFA off without a code: login works again without mfaCode', async () => {
    const user = await api.signUp();
    await enableMfa(user);
    await expect(login(api.anonymous, { email: user.email, password: user.password })).rejects.toMatchObject({
      code: 'mfa_required',
    });
    api.server.clearRequests();

    await expect(disableMfa(user.core)).resolves.toBeUndefined();

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/mfa/disable');
    expect(request.body).toEqual({});
    expect(request.headers.authorization).toBe(`Bearer ${user.tokens.accessToken}`);
    const tokens = await login(api.anonymous, { email: user.email, password: user.password });
    expect(tokens.user).toEqual(user.user);
  });

  test('sends the code when one is given', async () => {
    const user = await api.signUp();
    const { secret } = await enableMfa(user);
    const code = await totp(secret);
    api.server.clearRequests();

    await disableMfa(user.core, { code });

    expect(onlyRequest(api).body).toEqual({ code });
    await expect(login(api.anonymous, { email: user.email, password: user.password })).resolves.toMatchObject(
      {
        tokenType: 'Bearer',
      },
    );
  });

  test('accepts a recovery code', async () => {
    const user = await api.signUp();
    const { recoveryCodes } = await enableMfa(user);
    await expect(disableMfa(user.core, { code: recoveryCodes[0]! })).resolves.toBeUndefined();
  });

  test('rejects a wrong code with PuguhError 422 invalid_mfa_code and leaves MFA on', async () => {
    const user = await api.signUp();
    const { secret } = await enableMfa(user);

    const error = await rejection(disableMfa(user.core, { code: await wrongTotp(secret) }));

    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 422, code: 'invalid_mfa_code' });
    const stillOn = await rejection(login(api.anonymous, { email: user.email, password: user.password }));
    expect(stillOn).toBeInstanceOf(AuthError);
    expect(stillOn).toMatchObject({ code: 'mfa_required' });
  });

  test('rejects a user without MFA with 409 mfa_not_set_up', async () => {
    const { core } = await api.signUp();
    const error = await rejection(disableMfa(core));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'mfa_not_set_up' });
  });

  test('refuses the service key with PuguhError 403', async () => {
    const error = await rejection(disableMfa(api.service));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'user_token_required' });
  });

  test.each([
    ['an empty code', { code: '' }],
    ['a code with spaces', { code: '123 456' }],
    ['a code that is not a string', { code: 123456 }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    await expect(disableMfa(api.service, input as never)).rejects.toBeInstanceOf(TypeError);
    expect(requestCount(api)).toBe(sent);
  });

  test('maps a 429 to RateLimitError', async () => {
    const { core } = await api.signUp();
    api.server.faults.inject({ path: '/v1/auth/mfa/disable', status: 429, headers: { 'retry-after': '5' } });
    const error = await rejection(disableMfa(core));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 5 });
  });
});
