const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DIGITS = 6;

/**
 * Computes the RFC 6238 TOTP code for a base32 secret: 6 digits, 30-second steps, HMAC-SHA-1 —
 * what authenticator apps compute from the `otpauth://` URL of `POST /v1/auth/mfa/setup`.
 *
 * It is async because it uses WebCrypto, which works the same in Node, browsers and edge runtimes.
 *
 * @param secretBase32 The secret from `MfaSetup.secret` (case and spaces are ignored).
 * @param timeMs The moment to compute the code for, in milliseconds since the epoch (default: now).
 *   Pass the server's clock when you created the server with a custom `now`.
 *
 * @returns The 6-digit code, zero-padded.
 *
 * @throws `TypeError` when the secret is not valid base32.
 *
 * @example
 * ```ts
 * import { totp } from '@puguh/testing';
 *
 * const setup = await (await server.fetch(`${base}/v1/auth/mfa/setup`, { method: 'POST', headers })).json();
 * const code = await totp(setup.secret); // e.g. '492039'
 * ```
 *
 * @public
 */
export async function totp(secretBase32: string, timeMs: number = Date.now()): Promise<string> {
  return hotp(base32Decode(secretBase32), Math.floor(timeMs / 1000 / STEP_SECONDS));
}

/**
 * Checks a TOTP code, accepting the previous, current and next step (RFC 6238 §5.2 allows a small
 * window for clock drift and for the time it takes to type the code).
 *
 * @param secretBase32 The user's base32 secret.
 * @param code The code the user typed.
 * @param timeMs The server's current time in milliseconds.
 *
 * @returns Whether the code is valid at `timeMs` ± one step.
 *
 * @example
 * ```ts
 * await verifyTotp(secret, '492039', Date.now()); // true or false
 * ```
 *
 * @internal
 */
export async function verifyTotp(secretBase32: string, code: string, timeMs: number): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const key = base32Decode(secretBase32);
  const step = Math.floor(timeMs / 1000 / STEP_SECONDS);
  // Compare every candidate rather than stopping at the first match, so timing reveals nothing.
  const matches = await Promise.all(
    [step - 1, step, step + 1].map(async (s) => (await hotp(key, s)) === code),
  );
  return matches.includes(true);
}

/**
 * Encodes bytes as RFC 4648 base32 without padding (the form `otpauth://` URLs use).
 *
 * @param bytes The bytes to encode.
 *
 * @returns Upper-case base32 text.
 *
 * @example
 * ```ts
 * base32Encode(new TextEncoder().encode('foobar')); // 'MZXW6YTBOI'
 * ```
 *
 * @internal
 */
export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/**
 * Decodes RFC 4648 base32 text; case, spaces and `=` padding are ignored.
 *
 * @param text The base32 text.
 *
 * @returns The decoded bytes.
 *
 * @throws `TypeError` for a character outside the base32 alphabet or an empty secret.
 *
 * @example
 * ```ts
 * base32Decode('MZXW6YTBOI'); // the bytes of 'foobar'
 * ```
 *
 * @internal
 */
export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  if (clean.length === 0) throw new TypeError('The TOTP secret is empty.');
  const output: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of clean) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value === -1) throw new TypeError('The TOTP secret is not valid base32.');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      output.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(output);
}

/** RFC 4226 HOTP with dynamic truncation. */
async function hotp(key: Uint8Array, counter: number): Promise<string> {
  const message = new Uint8Array(8);
  // The counter exceeds 32 bits only after the year 6000, but write all 8 bytes correctly anyway.
  new DataView(message.buffer).setUint32(0, Math.floor(counter / 2 ** 32));
  new DataView(message.buffer).setUint32(4, counter >>> 0);
  const hmacKey = await globalThis.crypto.subtle.importKey(
    'raw',
    key as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  );
  const digest = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', hmacKey, message));
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary =
    ((digest[offset]! & 0x7f) << 24) |
    (digest[offset + 1]! << 16) |
    (digest[offset + 2]! << 8) |
    digest[offset + 3]!;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}
