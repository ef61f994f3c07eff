// 1. auth: registration, sessions, token checks, magic links, MFA and refresh-token rotation.
import { AuthError, decodeAccessToken, PuguhClient, type TokenSet } from '@puguh/sdk';
import { totp } from '@puguh/testing';
import { check, expectError } from '../checks';
import type { Demo } from '../demo';
import { ADA } from '../people';
import { redact } from '../redact';
import type { Step } from '../tour';

export const AUTH_STEPS = [
  'register',
  'login',
  'validateToken',
  'verifyAccessToken',
  'decodeAccessToken',
  'requestMagicLink',
  'verifyMagicLink',
  'setupMfa',
  'confirmMfa',
  'login without MFA code',
  'login with MFA code',
  'disableMfa',
  'refreshToken',
  'reuse old refresh token',
] as const;

/**
 * Walks through `client.auth` with Ada's account. Public calls (register, login, magic links,
 * refresh) go through the service client, as a backend would make them; MFA needs Ada's own token.
 *
 * @returns A session of Ada's for the rest of the demo.
 */
export async function authSteps(step: Step<(typeof AUTH_STEPS)[number]>, demo: Demo): Promise<TokenSet> {
  const { server, baseUrl, service } = demo;
  const password = { email: ADA.email, password: ADA.password };

  await step('register', async (say) => {
    const user = await service.auth.register(ADA);
    say(`${user.userId} ${user.email}`);
  });

  const tokens = await step('login', async (say) => {
    const tokens = await service.auth.login(password);
    say(
      `${tokens.tokenType} token for ${tokens.user.fullName}, expires in ${tokens.expiresIn} s (${tokens.expiresAt})`,
    );
    return tokens;
  });

  await step('validateToken', async (say) => {
    // Asks the API who the token belongs to.
    const user = await service.auth.validateToken({ token: tokens.accessToken });
    say(`${user.email}, roles [${user.roles.join(', ')}]`);
  });

  await step('verifyAccessToken', async (say) => {
    // No API call: checks the signature against the cached JWKS, plus issuer, audience and expiry.
    const claims = await service.auth.verifyAccessToken(tokens.accessToken);
    say(`checked locally against the JWKS: sub ${claims.sub}, aud ${String(claims.aud)}`);
  });

  await step('decodeAccessToken', async (say) => {
    const claims = decodeAccessToken(tokens.accessToken);
    say(`${claims.email}, roles [${claims.roles.join(', ')}] — NOT verified: never for access checks`);
  });

  const magicLinkToken = await step('requestMagicLink', async (say) => {
    await service.auth.requestMagicLink({ email: ADA.email });
    // The local API "sends" emails to its outbox; a real one would reach Ada's inbox.
    const email = server.outbox.last(ADA.email);
    check(email?.kind === 'magic_link', 'no magic-link email reached the outbox');
    say(`email to ${email.to} in the local outbox, link token ${redact(email.token)}`);
    return email.token;
  });

  await step('verifyMagicLink', async (say) => {
    const session = await service.auth.verifyMagicLink({ token: magicLinkToken });
    const reuse = await expectError(AuthError, () => service.auth.verifyMagicLink({ token: magicLinkToken }));
    say(`signed in as ${session.user.email}; using the link again → ${reuse.code}`);
  });

  // MFA is about Ada's own account, so these calls carry her access token.
  await using ada = new PuguhClient({ baseUrl, accessToken: tokens.accessToken });

  const setup = await step('setupMfa', async (say) => {
    const setup = await ada.auth.setupMfa();
    const otpauth = new URL(setup.otpauthUrl);
    const qrCodeType = /^data:([^;,]+)/.exec(setup.qrCodeUrl)?.[1];
    check(otpauth.protocol === 'otpauth:', 'otpauthUrl is not an otpauth:// URL');
    check(qrCodeType !== undefined, 'qrCodeUrl is not a data: URL');
    // The URL carries the secret: show its scheme and label only.
    say(
      `${otpauth.protocol}//${otpauth.host}${decodeURIComponent(otpauth.pathname)}?secret=… and a QR code (${qrCodeType})`,
    );
    return setup;
  });

  await step('confirmMfa', async (say) => {
    // What an authenticator app would show for the secret now.
    const { recoveryCodes } = await ada.auth.confirmMfa({ code: await totp(setup.secret) });
    say(`MFA is on; ${recoveryCodes.length} recovery codes issued (not shown)`);
  });

  await step('login without MFA code', async (say) => {
    const error = await expectError(AuthError, () => service.auth.login(password), 'mfa_required');
    say(`AuthError ${error.code} (${error.statusCode}): the password alone is not enough`);
  });

  const session = await step('login with MFA code', async (say) => {
    const session = await service.auth.login({ ...password, mfaCode: await totp(setup.secret) });
    say(`signed in as ${session.user.email} with password + TOTP code`);
    return session;
  });

  await step('disableMfa', async (say) => {
    await ada.auth.disableMfa({ code: await totp(setup.secret) });
    await service.auth.login(password);
    say('MFA is off: the password alone signs in again');
  });

  await step('refreshToken', async (say) => {
    const rotated = await service.auth.refreshToken({ refreshToken: tokens.refreshToken });
    check(rotated.refreshToken !== tokens.refreshToken, 'the refresh token did not rotate');
    say(
      `new token set; the refresh token rotated ${redact(tokens.refreshToken)} → ${redact(rotated.refreshToken)}`,
    );
  });

  await step('reuse old refresh token', async (say) => {
    // Presenting a used refresh token means it leaked: the server revokes that session family.
    const error = await expectError(
      AuthError,
      () => service.auth.refreshToken({ refreshToken: tokens.refreshToken }),
      'refresh_token_reused',
    );
    say(`AuthError ${error.code}: the whole session is revoked`);
  });

  // The MFA login started its own session family, untouched by the revocation above.
  return session;
}
