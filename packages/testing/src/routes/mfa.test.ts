import { describe, expect, test } from 'vitest';
import { expectError, useServer } from '../test-support/harness';
import type { MfaSetup, TokenSet } from '../test-support/wire-types';
import { totp } from '../totp';

const clock = Date.parse('2026-05-01T12:00:00.000Z');
const api = useServer({ now: () => clock });

async function enableMfa(): Promise<{
  email: string;
  password: string;
  token: string;
  secret: string;
  recovery: string[];
}> {
  const account = await api.signUp('mfa');
  const setup = await api.call<MfaSetup>('POST', '/v1/auth/mfa/setup', { token: account.token });
  const confirmed = await api.call<{ recovery_codes: string[] }>('POST', '/v1/auth/mfa/confirm', {
    token: account.token,
    body: { code: await totp(setup.body.secret, clock) },
  });
  expect(confirmed.status).toBe(200);
  return { ...account, secret: setup.body.secret, recovery: confirmed.body.recovery_codes };
}

describe('POST /v1/auth/mfa/setup', () => {
  test('returns a base32 secret, the otpauth URL and an SVG QR code data URL', async () => {
    const { token, email } = await api.signUp('setup');
    const response = await api.call<MfaSetup>('POST', '/v1/auth/mfa/setup', { token });
    expect(response.status).toBe(200);
    const { secret, otpauth_url, qr_code_url } = response.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauth_url).toBe(
      `otpauth://totp/PUGUH:${encodeURIComponent(email)}?secret=${secret}&issuer=PUGUH`,
    );
    expect(qr_code_url).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = atob(qr_code_url.slice('data:image/svg+xml;base64,'.length));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
  });

  test('needs a user token: 401 without credentials, 403 user_token_required for the service key', async () => {
    expectError(await api.call('POST', '/v1/auth/mfa/setup'), 401, 'unauthorized');
    expectError(
      await api.call('POST', '/v1/auth/mfa/setup', { token: api.server.apiKey }),
      403,
      'user_token_required',
    );
  });

  test('409 mfa_already_enabled once MFA is on', async () => {
    const { token } = await enableMfa();
    expectError(await api.call('POST', '/v1/auth/mfa/setup', { token }), 409, 'mfa_already_enabled');
  });
});

describe('POST /v1/auth/mfa/confirm', () => {
  test('accepts the current, previous and next step; refuses two steps away', async () => {
    for (const [offset, accepted] of [
      [-30_000, true],
      [0, true],
      [30_000, true],
      [-60_000, false],
      [60_000, false],
    ] as const) {
      const { token } = await api.signUp('window');
      const setup = await api.call<MfaSetup>('POST', '/v1/auth/mfa/setup', { token });
      const response = await api.call('POST', '/v1/auth/mfa/confirm', {
        token,
        body: { code: await totp(setup.body.secret, clock + offset) },
      });
      if (accepted) expect(response.status, `offset ${offset}`).toBe(200);
      else expectError(response, 422, 'invalid_mfa_code');
    }
  });

  test('returns ten distinct recovery codes', async () => {
    const { recovery } = await enableMfa();
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
  });

  test('without setup: 409 mfa_not_set_up; without a code: 400 invalid_request', async () => {
    const { token } = await api.signUp('nosetup');
    expectError(
      await api.call('POST', '/v1/auth/mfa/confirm', { token, body: { code: '123456' } }),
      409,
      'mfa_not_set_up',
    );
    expectError(await api.call('POST', '/v1/auth/mfa/confirm', { token, body: {} }), 400, 'invalid_request');
  });
});

describe('login with MFA', () => {
  test('needs mfa_code: 401 mfa_required without, 401 invalid_mfa_code when wrong, 200 when right', async () => {
    const { email, password, secret } = await enableMfa();
    expectError(await api.call('POST', '/v1/auth/login', { body: { email, password } }), 401, 'mfa_required');
    const wrong = String((Number(await totp(secret, clock)) + 1) % 1_000_000).padStart(6, '0');
    expectError(
      await api.call('POST', '/v1/auth/login', { body: { email, password, mfa_code: wrong } }),
      401,
      'invalid_mfa_code',
    );
    const ok = await api.call<TokenSet>('POST', '/v1/auth/login', {
      body: { email, password, mfa_code: await totp(secret, clock) },
    });
    expect(ok.status).toBe(200);
  });

  test('a wrong password is invalid_credentials even with MFA on (the password is checked first)', async () => {
    const { email } = await enableMfa();
    expectError(
      await api.call('POST', '/v1/auth/login', { body: { email, password: 'wrong-password' } }),
      401,
      'invalid_credentials',
    );
  });

  test('a recovery code works exactly once', async () => {
    const { email, password, recovery } = await enableMfa();
    const code = recovery[0]!;
    expect(
      (await api.call('POST', '/v1/auth/login', { body: { email, password, mfa_code: code } })).status,
    ).toBe(200);
    expectError(
      await api.call('POST', '/v1/auth/login', { body: { email, password, mfa_code: code } }),
      401,
      'invalid_mfa_code',
    );
    expect(
      (await api.call('POST', '/v1/auth/login', { body: { email, password, mfa_code: recovery[1] } })).status,
    ).toBe(200);
  });
});

describe('POST /v1/auth/mfa/disable', () => {
  test('with a valid code: 204, and login no longer asks for MFA', async () => {
    const { email, password, token, secret } = await enableMfa();
    const response = await api.call('POST', '/v1/auth/mfa/disable', {
      token,
      body: { code: await totp(secret, clock) },
    });
    expect(response.status).toBe(204);
    expect((await api.call('POST', '/v1/auth/login', { body: { email, password } })).status).toBe(200);
  });

  test('without a body or code: 204', async () => {
    const { token } = await enableMfa();
    expect((await api.call('POST', '/v1/auth/mfa/disable', { token })).status).toBe(204);
  });

  test('a wrong code is 422 invalid_mfa_code and MFA stays on', async () => {
    const { email, password, token } = await enableMfa();
    expectError(
      await api.call('POST', '/v1/auth/mfa/disable', { token, body: { code: '000000x' } }),
      422,
      'invalid_mfa_code',
    );
    expectError(await api.call('POST', '/v1/auth/login', { body: { email, password } }), 401, 'mfa_required');
  });

  test('when MFA is off: 409 mfa_not_set_up; the service key: 403 user_token_required', async () => {
    const { token } = await api.signUp('off');
    expectError(await api.call('POST', '/v1/auth/mfa/disable', { token }), 409, 'mfa_not_set_up');
    expectError(
      await api.call('POST', '/v1/auth/mfa/disable', { token: api.server.apiKey }),
      403,
      'user_token_required',
    );
  });
});
