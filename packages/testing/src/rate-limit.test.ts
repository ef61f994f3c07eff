import { describe, expect, test } from 'vitest';
import { createPuguhServer } from './server';
import { expectError, useServer } from './test-support/harness';

let clock = Date.parse('2026-06-01T00:00:00.000Z');
const api = useServer({ now: () => clock, rateLimit: { limit: 3, windowMs: 60_000 } });

describe('rate limiting', () => {
  test('every response carries RateLimit-*; the fourth request in a window is 429 with Retry-After', async () => {
    const headers = { authorization: 'Bearer credential-a' };
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await api.call('GET', '/v1/billing/plans', { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-reset')).toBe('60');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    clock += 15_000;
    const limited = await api.call('GET', '/v1/billing/plans', { headers });
    const error = expectError(limited, 429, 'rate_limited');
    expect(error.details).toEqual({ retry_after: 45 });
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe('45');
  });

  test('each credential has its own budget; requests without one share the client address', async () => {
    for (let index = 0; index < 3; index++) {
      expect(
        (await api.call('GET', '/v1/billing/plans', { headers: { authorization: 'Bearer credential-b' } }))
          .status,
      ).toBe(200);
    }
    expectError(
      await api.call('GET', '/v1/billing/plans', { headers: { authorization: 'Bearer credential-b' } }),
      429,
      'rate_limited',
    );
    expect(
      (await api.call('GET', '/v1/billing/plans', { headers: { authorization: 'Bearer credential-c' } }))
        .status,
    ).toBe(200);
    for (let index = 0; index < 3; index++)
      expect((await api.call('GET', '/v1/billing/plans')).status).toBe(200);
    expectError(await api.call('GET', '/v1/billing/plans'), 429, 'rate_limited');
  });

  test('a new window opens after windowMs', async () => {
    const headers = { authorization: 'Bearer credential-d' };
    for (let index = 0; index < 4; index++) await api.call('GET', '/v1/billing/plans', { headers });
    clock += 60_000;
    const response = await api.call('GET', '/v1/billing/plans', { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-remaining')).toBe('2');
  });
});

describe('rate limit options', () => {
  test('defaults to 10,000 per minute', async () => {
    const response = await createPuguhServer().fetch('http://localhost/v1/billing/plans');
    expect(response.headers.get('ratelimit-limit')).toBe('10000');
    expect(response.headers.get('ratelimit-reset')).toBe('60');
  });

  test('false turns it off (no headers)', async () => {
    const response = await createPuguhServer({ rateLimit: false }).fetch('http://localhost/v1/billing/plans');
    expect(response.status).toBe(200);
    expect(response.headers.has('ratelimit-limit')).toBe(false);
  });

  test('invalid limits are a RangeError', () => {
    expect(() => createPuguhServer({ rateLimit: { limit: 0, windowMs: 1000 } })).toThrow(RangeError);
    expect(() => createPuguhServer({ rateLimit: { limit: 10, windowMs: 0.5 } })).toThrow(RangeError);
  });
});
