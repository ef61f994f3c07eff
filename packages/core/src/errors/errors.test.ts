import { describe, expect, test, vi } from 'vitest';
import { AuthError } from './auth-error';
import { NetworkError } from './network-error';
import { isPuguhError, PuguhError } from './puguh-error';
import { RateLimitError } from './rate-limit-error';

describe('error classes', () => {
  test('every class is a PuguhError with its own name and the DESIGN fields', () => {
    const auth = new AuthError('expired', { code: 'token_expired', statusCode: 401, requestId: 'req_1' });
    const rate = new RateLimitError('slow', { statusCode: 429, retryAfter: 3 });
    const network = new NetworkError('down', { code: 'timeout' });
    for (const error of [auth, rate, network]) {
      expect(error).toBeInstanceOf(PuguhError);
      expect(error).toBeInstanceOf(Error);
      expect(isPuguhError(error)).toBe(true);
    }
    expect([auth.name, rate.name, network.name]).toEqual(['AuthError', 'RateLimitError', 'NetworkError']);
    expect(auth).toMatchObject({
      code: 'token_expired',
      statusCode: 401,
      requestId: 'req_1',
      message: 'expired',
    });
    expect(rate).toMatchObject({ code: 'rate_limited', retryAfter: 3 });
    expect(network.statusCode).toBeUndefined();
  });

  test('isPuguhError recognises an error from another copy of the package by its registered marker', () => {
    const foreign = Object.assign(new Error('from another copy'), { code: 'x' });
    Object.defineProperty(foreign, Symbol.for('puguh.sdk.error'), { value: true });
    expect(isPuguhError(foreign)).toBe(true);
    expect(isPuguhError(new Error('plain'))).toBe(false);
    expect(isPuguhError(null)).toBe(false);
    expect(isPuguhError('PuguhError')).toBe(false);
  });

  test('the cause is kept', () => {
    const cause = new TypeError('fetch failed');
    expect(new NetworkError('down', { cause }).cause).toBe(cause);
  });
});

describe('errors from another copy of the package', () => {
  test('instanceof works per class across copies, as a second install of @puguh/core would load them', async () => {
    // After resetModules the same files load again: a second, separate copy of every class.
    vi.resetModules();
    const copy = {
      ...(await import('./auth-error')),
      ...(await import('./network-error')),
      ...(await import('./puguh-error')),
      ...(await import('./rate-limit-error')),
    };
    const foreignAuth = new copy.AuthError('expired', { code: 'token_expired', statusCode: 401 });
    const foreignRate = new copy.RateLimitError('slow', { statusCode: 429 });
    expect(copy.AuthError).not.toBe(AuthError);
    expect(foreignAuth).toBeInstanceOf(AuthError);
    expect(foreignAuth).toBeInstanceOf(PuguhError);
    expect(foreignAuth).not.toBeInstanceOf(RateLimitError);
    expect(foreignAuth).not.toBeInstanceOf(NetworkError);
    expect(foreignRate).toBeInstanceOf(RateLimitError);
    expect(foreignRate).not.toBeInstanceOf(AuthError);
    // …and the other way round.
    expect(new NetworkError('down')).toBeInstanceOf(copy.NetworkError);
    expect(new NetworkError('down')).toBeInstanceOf(copy.PuguhError);
    expect(new Error('plain')).not.toBeInstanceOf(copy.PuguhError);
  });

  test('a user subclass is checked by its prototype chain, and still counts as its PUGUH parent', () => {
    class AppError extends AuthError {}
    const own = new AppError('mine', { code: 'token_expired' });
    expect(own).toBeInstanceOf(AppError);
    expect(own).toBeInstanceOf(AuthError);
    expect(own).toBeInstanceOf(PuguhError);
    expect(new AuthError('not mine')).not.toBeInstanceOf(AppError);
  });
});
