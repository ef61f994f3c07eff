import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  ISO_TIMESTAMP,
  type SignedUpUser,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSubscription } from './create-subscription';
import { getPlan } from './get-plan';
import { getUsage } from './get-usage';
import type { UsageMetric } from './schemas/usage';

const api = useLocalApi();
let owner: SignedUpUser;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
});

function expectCounter(metric: UsageMetric) {
  expect(Number.isInteger(metric.used)).toBe(true);
  expect(metric.used).toBeGreaterThanOrEqual(0);
}

describe('getUsage', () => {
  test("returns integer counters and the plan's limits for the subscription period", async () => {
    const orgId = await createOrganization(owner.core);
    const subscription = await createSubscription(owner.core, { orgId, planId: 'plan_pro' });
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    api.server.clearRequests();

    const usage = await getUsage(owner.core, { orgId });

    const { limits } = await getPlan(api.anonymous, { planId: 'plan_pro' });
    expect(usage).toEqual({
      organizationId: orgId,
      planId: 'plan_pro',
      periodStart: subscription.currentPeriodStart,
      periodEnd: subscription.currentPeriodEnd,
      apiCalls: { used: expect.any(Number), limit: limits.apiCalls },
      members: { used: 2, limit: limits.members },
      applications: { used: 0, limit: limits.applications },
    });
    expect(usage.periodStart).toMatch(ISO_TIMESTAMP);
    expectCounter(usage.apiCalls);
    expectCounter(usage.members);
    expectCounter(usage.applications);

    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/organizations/${orgId}/usage`,
      body: undefined,
    });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toBeUndefined();
  });

  test('counts API calls made for the organization', async () => {
    const orgId = await createOrganization(owner.core);
    const before = await getUsage(owner.core, { orgId });
    await getUsage(owner.core, { orgId });
    await getUsage(owner.core, { orgId });
    const after = await getUsage(owner.core, { orgId });
    expect(after.apiCalls.used).toBeGreaterThan(before.apiCalls.used);
  });

  test('an organization without a subscription has no plan', async () => {
    const orgId = await createOrganization(owner.core);
    const usage = await getUsage(owner.core, { orgId });
    expect(usage.planId).toBeNull();
    expect(usage.members.used).toBe(1);
    expect(Date.parse(usage.periodEnd)).toBeGreaterThan(Date.parse(usage.periodStart));
  });

  test('a caller outside the organization gets 404 organization_not_found', async () => {
    const orgId = await createOrganization(owner.core);
    const stranger = await api.signUp('Sam Stranger');
    const error = await getUsage(stranger.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const fromContext = await createOrganization(owner.core);
    const explicit = await createOrganization(owner.core);
    api.server.clearRequests();
    const scoped = withContext(owner.core, { organizationId: fromContext });

    expect(await getUsage(scoped)).toMatchObject({ organizationId: fromContext });
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${fromContext}/usage`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(fromContext);

    expect(await getUsage(scoped, { orgId: explicit })).toMatchObject({ organizationId: explicit });
    expect(api.server.requests[1]?.path).toBe(`/v1/organizations/${explicit}/usage`);
  });

  test('without orgId or context it throws a TypeError and sends nothing', async () => {
    await expect(getUsage(owner.core)).rejects.toThrow(/orgId is required/);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const orgId = await createOrganization(owner.core);
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await getUsage(bogus, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    const orgId = await createOrganization(owner.core);
    api.server.faults.inject({ path: `/v1/organizations/${orgId}/usage`, status: 429 });
    const error = await getUsage(owner.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
