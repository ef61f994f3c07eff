import { AuthError, PuguhError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { setupMfa } from './setup-mfa';
import { enableMfa, onlyRequest, rejection } from './test-support/helpers';

const api = useLocalApi();

describe('setupMfa', () => {
  test('returns a base32 TOTP secret, its otpauth URL and a QR code for the signed-in user', async () => {
    const { core } = await api.signUp();

    const setup = await setupMfa(core);

    expect(setup.otpauthUrl.startsWith('otpauth://totp/')).toBe(true);
    expect(setup.secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(new URL(setup.otpauthUrl).searchParams.get('secret')).toBe(setup.secret);
    expect(setup.qrCodeUrl.startsWith('data:')).toBe(true);
    expect(Object.keys(setup).sort()).toEqual(['otpauthUrl', 'qrCodeUrl', 'secret']);
  });

  test("sends the user's access token on a POST with an idempotency key", async () => {
    const { core, tokens } = await api.signUp();
    api.server.clearRequests();

    await setupMfa(core);

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/mfa/setup');
    expect(request.headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
  });

  test('refuses the service key with PuguhError 403 user_token_required', async () => {
    const error = await rejection(setupMfa(api.service));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 403, code: 'user_token_required' });
    expect(String(error)).not.toContain(api.server.apiKey);
  });

  test('rejects a core without a credential with AuthError 401', async () => {
    const error = await rejection(setupMfa(api.anonymous));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401 });
  });

  test('refuses a user who already has MFA on with 409 mfa_already_enabled', async () => {
    const user = await api.signUp();
    await enableMfa(user);
    const error = await rejection(setupMfa(user.core));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'mfa_already_enabled' });
  });

  test('maps a 429 to RateLimitError', async () => {
    const { core } = await api.signUp();
    api.server.faults.inject({ path: '/v1/auth/mfa/setup', status: 429, headers: { 'retry-after': '6' } });
    const error = await rejection(setupMfa(core));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 6 });
  });
});
