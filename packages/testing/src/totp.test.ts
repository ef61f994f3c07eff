import { describe, expect, test } from 'vitest';
import { base32Decode, base32Encode, totp, verifyTotp } from './totp';

// RFC 6238 appendix B (SHA-1): the 8-digit values, of which a 6-digit code is the last six digits.
const RFC_SECRET = base32Encode(new TextEncoder().encode('12345678901234567890'));

describe('totp', () => {
  test.each([
    [59, '287082'],
    [1_111_111_109, '081804'],
    [1_111_111_111, '050471'],
    [1_234_567_890, '005924'],
    [2_000_000_000, '279037'],
    [20_000_000_000, '353130'],
  ])('RFC 6238 vector at T=%i s is %s', async (seconds, code) => {
    expect(await totp(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  test('ignores case, spaces and padding in the secret; rejects non-base32', async () => {
    const spaced = RFC_SECRET.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(await totp(`${spaced}===`, 59_000)).toBe('287082');
    await expect(totp('not base32!', 0)).rejects.toThrow(TypeError);
    await expect(totp('', 0)).rejects.toThrow(TypeError);
  });

  test('defaults to the current time', async () => {
    const now = Date.now();
    const code = await totp(RFC_SECRET);
    const candidates = await Promise.all(
      [now - 30_000, now, now + 30_000].map((time) => totp(RFC_SECRET, time)),
    );
    expect(candidates).toContain(code);
  });
});

describe('verifyTotp', () => {
  test('accepts ±1 step and refuses ±2 steps and malformed codes', async () => {
    const at = 1_111_111_111_000;
    for (const [offset, expected] of [
      [-60_000, false],
      [-30_000, true],
      [0, true],
      [30_000, true],
      [60_000, false],
    ] as const) {
      expect(await verifyTotp(RFC_SECRET, await totp(RFC_SECRET, at + offset), at), `offset ${offset}`).toBe(
        expected,
      );
    }
    expect(await verifyTotp(RFC_SECRET, '05047', at)).toBe(false);
    expect(await verifyTotp(RFC_SECRET, '0504711', at)).toBe(false);
    expect(await verifyTotp(RFC_SECRET, 'abcdef', at)).toBe(false);
  });
});

describe('base32', () => {
  test.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('RFC 4648 vector %j ↔ %s', (text, encoded) => {
    expect(base32Encode(new TextEncoder().encode(text))).toBe(encoded);
    if (encoded !== '') expect(new TextDecoder().decode(base32Decode(encoded))).toBe(text);
  });
});
