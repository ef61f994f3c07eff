import { refreshToken, validateToken } from '@puguh/auth';
import { AuthError, createPuguhCore } from '@puguh/core';
import { totp } from '@puguh/testing';
import { describe, expect, test } from 'vitest';
import { lastMessage } from '../support/control';
import { apiUrl } from '../support/provided';
import { client, signUp, uniqueEmail } from '../support/users';

describe('auth', () => {
  test('register, login and validateToken', async () => {
    const anonymous = client();
    const email = uniqueEmail();
    const password = 'correct horse battery staple';

    const user = await anonymous.auth.register({ email, password, fullName: 'Ada Lovelace' });
    expect(user).toMatchObject({ email, fullName: 'Ada Lovelace' });
    expect(user.userId).toMatch(/^usr_/);

    const tokens = await anonymous.auth.login({ email, password });
    expect(tokens).toMatchObject({ tokenType: 'Bearer', user: { userId: user.userId, email } });
    expect(tokens.expiresIn).toBeGreaterThan(0);

    const context = await anonymous.auth.validateToken({ token: tokens.accessToken });
    expect(context).toMatchObject({ userId: user.userId, email, roles: ['user'] });
  });

  test('a wrong password is an AuthError, not a token', async () => {
    const { email } = await signUp();
    const failure = await client()
      .auth.login({ email, password: 'not the password' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure).toMatchObject({ statusCode: 401, code: 'invalid_credentials' });
  });

  test('refreshToken rotates the pair; replaying a used refresh token revokes the session', async () => {
    // The standalone functions of @puguh/auth, on a core with no credential.
    const core = createPuguhCore({ baseUrl: apiUrl(), maxRetries: 0 });
    const { tokens, user } = await signUp();

    const rotated = await refreshToken(core, { refreshToken: tokens.refreshToken });
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    expect(rotated.accessToken).not.toBe(tokens.accessToken);
    expect((await validateToken(core, { token: rotated.accessToken })).userId).toBe(user.userId);

    await expect(refreshToken(core, { refreshToken: tokens.refreshToken })).rejects.toMatchObject({
      name: 'AuthError',
      code: 'refresh_token_reused',
    });
    // The replay ended the whole family: the newest refresh token is dead too.
    await expect(refreshToken(core, { refreshToken: rotated.refreshToken })).rejects.toBeInstanceOf(
      AuthError,
    );
  });

  test('a magic link logs in once', async () => {
    const { email, user } = await signUp();
    const anonymous = client();

    await anonymous.auth.requestMagicLink({ email });
    const message = await lastMessage(email);
    expect(message.kind).toBe('magic_link');

    const tokens = await anonymous.auth.verifyMagicLink({ token: message.token });
    expect(tokens.user.userId).toBe(user.userId);
    await expect(anonymous.auth.verifyMagicLink({ token: message.token })).rejects.toMatchObject({
      name: 'AuthError',
      code: 'invalid_magic_link',
    });
  });

  test('MFA: setup, confirm with a TOTP code, then login needs the code', async () => {
    const { client: user, email, password } = await signUp();
    const anonymous = client();

    const setup = await user.auth.setupMfa();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.secret).toMatch(/^[A-Z2-7]+$/);

    const { recoveryCodes } = await user.auth.confirmMfa({ code: await totp(setup.secret) });
    expect(recoveryCodes.length).toBeGreaterThan(0);

    await expect(anonymous.auth.login({ email, password })).rejects.toMatchObject({
      name: 'AuthError',
      code: 'mfa_required',
    });
    const tokens = await anonymous.auth.login({ email, password, mfaCode: await totp(setup.secret) });
    expect(tokens.user.email).toBe(email);

    await user.auth.disableMfa({ code: await totp(setup.secret) });
    expect((await anonymous.auth.login({ email, password })).user.email).toBe(email);
  });
});
