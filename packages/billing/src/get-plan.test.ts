import { AuthError, PuguhError, RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { getPlan } from './get-plan';
import { getPlans } from './get-plans';

const api = useLocalApi();

describe('getPlan', () => {
  test('fetches one plan with no credential', async () => {
    const pro = await getPlan(api.anonymous, { planId: 'plan_pro' });

    expect(pro).toEqual({
      id: 'plan_pro',
      name: 'Pro',
      price: '$29.00',
      amount: 2900,
      currency: 'USD',
      interval: 'month',
      features: expect.arrayContaining([expect.any(String)]),
      limits: { apiCalls: expect.any(Number), members: expect.any(Number), applications: expect.any(Number) },
    });
    expect((await getPlans(api.anonymous)).find((plan) => plan.id === 'plan_pro')).toEqual(pro);
    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/v1/billing/plans/plan_pro' });
    expect(request?.headers.authorization).toBeUndefined();
  });

  test('an unknown plan is 404 plan_not_found', async () => {
    const error = await getPlan(api.anonymous, { planId: 'plan_nope' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 404, code: 'plan_not_found' });
  });

  test('encodes the id into one path segment and refuses an empty one before sending', async () => {
    await expect(getPlan(api.anonymous, { planId: '' })).rejects.toThrow(TypeError);
    await expect(getPlan(api.anonymous, { planId: '..' })).rejects.toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);

    await getPlan(api.anonymous, { planId: 'a/b' }).catch(() => undefined);
    expect(api.server.requests[0]?.path).toBe('/v1/billing/plans/a%2Fb');
  });

  test('a 429 is a RateLimitError', async () => {
    api.server.faults.inject({
      path: '/v1/billing/plans/plan_pro',
      status: 429,
      headers: { 'retry-after': '4' },
    });
    const error = await getPlan(api.anonymous, { planId: 'plan_pro' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 4 });
  });
});
