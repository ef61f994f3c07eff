import { NetworkError, PuguhError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { getPlans } from './get-plans';

const api = useLocalApi();

describe('getPlans', () => {
  test('lists the seeded plans for a pricing page with no credential', async () => {
    const plans = await getPlans(api.anonymous);

    expect(plans.map((plan) => `${plan.name}: ${plan.price}/mo`)).toEqual([
      'Free: $0.00/mo',
      'Pro: $29.00/mo',
      'Business: $99.00/mo',
    ]);
    const pro = plans.find((plan) => plan.id === 'plan_pro');
    expect(pro).toMatchObject({ amount: 2900, currency: 'USD', interval: 'month' });
    expect(Number.isInteger(pro?.amount)).toBe(true);
    expect(pro?.features.length).toBeGreaterThan(0);

    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/v1/billing/plans' });
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-puguh-client']).toMatch(/^puguh-js\/\d+\.\d+\.\d+/);
  });

  test('is a public call: it sends no credential, even when the core has one', async () => {
    await getPlans(api.service);
    expect(api.server.requests[0]?.headers.authorization).toBeUndefined();
  });

  test('maps a 429 to RateLimitError with retryAfter', async () => {
    api.server.faults.inject({ path: '/v1/billing/plans', status: 429, headers: { 'retry-after': '7' } });
    const error = await getPlans(api.anonymous).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 7 });
  });

  test('maps a 503 to PuguhError with the status and request id', async () => {
    api.server.faults.inject({
      path: '/v1/billing/plans',
      status: 503,
      body: { error: { code: 'unavailable', message: 'down' } },
    });
    const error = await getPlans(api.anonymous).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 503, code: 'unavailable', message: 'down' });
    expect((error as PuguhError).requestId).toMatch(/^req_/);
  });

  test('reports an unreachable API as NetworkError', async () => {
    const unreachable = api.core({ baseUrl: 'http://127.0.0.1:9' });
    await expect(getPlans(unreachable)).rejects.toBeInstanceOf(NetworkError);
  });
});
