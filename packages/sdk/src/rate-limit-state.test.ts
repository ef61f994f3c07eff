import { createPuguhServer } from '@puguh/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ResponseInfo } from './index';
import { PuguhClient } from './puguh-client';

// The local API's RateLimit-* headers tell the truth, and the SDK reads them on every answer:
// a backend can see its quota run out before the 429 comes.
let clock = Date.parse('2026-12-02T12:00:00Z');
const server = createPuguhServer({ rateLimit: { limit: 5, windowMs: 60_000 }, now: () => clock });
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await server.listen({ port: 0, hostname: '127.0.0.1' }));
});
afterAll(() => close());

describe('rate-limit state from a real server', () => {
  test('remaining counts down per principal to 0; the next call is a 429 whose Retry-After matches the reset; then the window resets', async () => {
    const seen: ResponseInfo[] = [];
    const client = new PuguhClient({
      baseUrl: url,
      apiKey: server.apiKey,
      maxRetries: 0,
      onResponse: (info) => void seen.push(info),
    });
    for (let call = 0; call < 5; call++) await client.organizations.list();
    expect(seen.map((info) => info.rateLimit.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(seen.every((info) => info.rateLimit.limit === 5)).toBe(true);
    const resetSeconds = seen.at(-1)?.rateLimit.resetSeconds ?? Number.NaN;
    expect(resetSeconds).toBeGreaterThan(0);
    expect(resetSeconds).toBeLessThanOrEqual(60);

    const limited = await client.organizations.list().catch((error: unknown) => error);
    expect(limited).toMatchObject({ name: 'RateLimitError', attempts: 1, rateLimit: { remaining: 0 } });
    const { retryAfter } = limited as { retryAfter: number };
    expect(Math.abs(retryAfter - resetSeconds)).toBeLessThanOrEqual(1);
    expect(seen.at(-1)).toMatchObject({ status: 429 });

    // Another principal has its own window: a signed-in user is not throttled by the key's quota.
    const other = new PuguhClient({
      baseUrl: url,
      maxRetries: 0,
      onResponse: (info) => void seen.push(info),
    });
    await other.auth.register({
      email: 'quota@example.test',
      password: 'long enough password',
      fullName: 'Q',
    });
    const tokens = await other.auth.login({ email: 'quota@example.test', password: 'long enough password' });
    const user = new PuguhClient({
      baseUrl: url,
      accessToken: tokens.accessToken,
      maxRetries: 0,
      onResponse: (info) => void seen.push(info),
    });
    await user.organizations.list();
    expect(seen.at(-1)?.rateLimit).toMatchObject({ limit: 5, remaining: 4 });

    // After the window, the key's quota is back.
    clock += 60_000;
    await client.organizations.list();
    expect(seen.at(-1)?.rateLimit).toMatchObject({ remaining: 4, resetSeconds: 60 });
    await Promise.all([client.close(), other.close(), user.close()]);
  });
});
