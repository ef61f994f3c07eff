import type { Hono } from 'hono';
import * as v from 'valibot';
import { authenticate, requireUser } from '../access';
import { ApiError } from '../errors';
import { qrCodeDataUrl } from '../qr';
import type { AppEnv, ServerState } from '../state';
import type { UserRecord } from '../store';
import { base32Encode, verifyTotp } from '../totp';
import { readBody, tokenField } from '../validation';

const RECOVERY_CODE_COUNT = 10;

/**
 * Registers the MFA routes: setup, confirm and disable (RFC 6238 TOTP plus recovery codes).
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * mfaRoutes(app, state);
 * ```
 *
 * @internal
 */
export function mfaRoutes(app: Hono<AppEnv>, state: ServerState): void {
  app.post('/v1/auth/mfa/setup', async (c) => {
    const user = requireUser(await authenticate(c, state));
    if (user.mfaSecret !== undefined)
      throw new ApiError(409, 'mfa_already_enabled', 'MFA is already enabled.');
    // 20 bytes = 160 bits, the key size RFC 4226 recommends for HMAC-SHA-1.
    const secret = base32Encode(state.random.secretBytes(20));
    user.pendingMfaSecret = secret;
    const otpauthUrl = `otpauth://totp/PUGUH:${encodeURIComponent(user.email)}?secret=${secret}&issuer=PUGUH`;
    return c.json({ secret, otpauth_url: otpauthUrl, qr_code_url: qrCodeDataUrl(otpauthUrl) });
  });

  app.post('/v1/auth/mfa/confirm', async (c) => {
    const user = requireUser(await authenticate(c, state));
    const body = readBody(c, v.object({ code: tokenField }));
    if (user.mfaSecret !== undefined)
      throw new ApiError(409, 'mfa_already_enabled', 'MFA is already enabled.');
    const secret = user.pendingMfaSecret;
    if (secret === undefined)
      throw new ApiError(409, 'mfa_not_set_up', 'Call POST /v1/auth/mfa/setup first.');
    if (!(await verifyTotp(secret, body.code.trim(), state.now())) || user.pendingMfaSecret !== secret) {
      throw new ApiError(422, 'invalid_mfa_code', 'The code does not match the secret from setup.');
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCode(state));
    user.mfaSecret = secret;
    user.pendingMfaSecret = undefined;
    user.recoveryCodeHashes = await Promise.all(codes.map(sha256Hex));
    return c.json({ recovery_codes: codes });
  });

  app.post('/v1/auth/mfa/disable', async (c) => {
    const user = requireUser(await authenticate(c, state));
    const body = readBody(c, v.object({ code: v.optional(tokenField) }));
    if (user.mfaSecret === undefined && user.pendingMfaSecret === undefined) {
      throw new ApiError(409, 'mfa_not_set_up', 'MFA is not enabled.');
    }
    if (body.code !== undefined && !(await checkSecondFactor(state, user, body.code))) {
      throw new ApiError(422, 'invalid_mfa_code', 'The MFA code is not valid.');
    }
    user.mfaSecret = undefined;
    user.pendingMfaSecret = undefined;
    user.recoveryCodeHashes = [];
    return c.body(null, 204);
  });
}

/**
 * Checks a second factor: a TOTP code (± one 30-second step) or an unused recovery code, which is
 * then spent. Before MFA is confirmed, the pending secret is checked instead.
 *
 * @param state The server state.
 * @param user The user.
 * @param code The code the user sent.
 *
 * @returns Whether the code is valid.
 *
 * @example
 * ```ts
 * if (!(await checkSecondFactor(state, user, body.mfa_code))) throw …;
 * ```
 *
 * @internal
 */
export async function checkSecondFactor(
  state: ServerState,
  user: UserRecord,
  code: string,
): Promise<boolean> {
  const secret = user.mfaSecret ?? user.pendingMfaSecret;
  const candidate = code.trim();
  if (secret !== undefined && (await verifyTotp(secret, candidate, state.now()))) return true;
  const digest = await sha256Hex(candidate.toLowerCase());
  const index = user.recoveryCodeHashes.indexOf(digest);
  if (index === -1) return false;
  user.recoveryCodeHashes.splice(index, 1); // single use
  return true;
}

function recoveryCode(state: ServerState): string {
  const text = base32Encode(state.random.secretBytes(7)).slice(0, 10).toLowerCase();
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
