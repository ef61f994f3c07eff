import { describe, expect, test } from 'vitest';
import { constantTimeEqual, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  test('hashes with a fresh salt each time and verifies only the right password', async () => {
    const first = await hashPassword('correct horse');
    const second = await hashPassword('correct horse');
    expect(first.salt).toHaveLength(16);
    expect(first.hash).toHaveLength(32);
    expect(Buffer.from(first.hash).equals(Buffer.from(second.hash))).toBe(false);
    expect(await verifyPassword('correct horse', first)).toBe(true);
    expect(await verifyPassword('correct horsf', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  test('an unknown account never verifies, even with the dummy hash’s own input', async () => {
    expect(await verifyPassword('', undefined)).toBe(false);
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });

  test('constantTimeEqual compares length and every byte', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([]))).toBe(true);
  });
});
