import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  type SignedUpUser,
  UUID,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSubscription } from './create-subscription';
import { getInvoices } from './get-invoices';
import { upgradeSubscription } from './upgrade-subscription';

const api = useLocalApi();
let owner: SignedUpUser;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
});

/** A new organization subscribed to `planId`. */
async function subscribedOrganization(planId = 'plan_pro') {
  const orgId = await createOrganization(owner.core);
  const subscription = await createSubscription(owner.core, { orgId, planId });
  api.server.clearRequests();
  return { orgId, subscription };
}

describe('upgradeSubscription', () => {
  test('changes the plan and issues a prorated invoice with an integer amount', async () => {
    const { orgId, subscription } = await subscribedOrganization('plan_pro');
    const upgraded = await upgradeSubscription(owner.core, { orgId, planId: 'plan_business' });

    expect(upgraded).toEqual({
      ...subscription,
      planId: 'plan_business',
      planName: 'Business',
      status: 'active',
    });
    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1/organizations/${orgId}/subscription/upgrade`,
    });
    expect(request?.body).toEqual({ plan_id: 'plan_business' });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toMatch(UUID);

    const invoices = await getInvoices(owner.core, { orgId });
    expect(invoices).toHaveLength(2);
    const [proration, first] = invoices;
    expect(first).toMatchObject({ planId: 'plan_pro', amount: 2900 });
    expect(proration).toMatchObject({
      subscriptionId: subscription.id,
      planId: 'plan_business',
      currency: 'USD',
    });
    // The unused rest of the period at the price difference (9900 − 2900), in whole cents.
    expect(Number.isInteger(proration?.amount)).toBe(true);
    expect(proration?.amount).toBeGreaterThan(0);
    expect(proration?.amount).toBeLessThanOrEqual(7000);
  });

  test('moving to a cheaper plan is invoiced as a credit: a negative integer amount', async () => {
    const { orgId } = await subscribedOrganization('plan_business');
    await upgradeSubscription(owner.core, { orgId, planId: 'plan_pro' });

    const [credit] = await getInvoices(owner.core, { orgId });
    expect(credit?.planId).toBe('plan_pro');
    expect(Number.isInteger(credit?.amount)).toBe(true);
    expect(credit?.amount).toBeLessThan(0);
    expect(credit?.amount).toBeGreaterThanOrEqual(-7000);
  });

  test('the current plan again is 409 same_plan', async () => {
    const { orgId } = await subscribedOrganization('plan_pro');
    const error = await upgradeSubscription(owner.core, { orgId, planId: 'plan_pro' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'same_plan' });
  });

  test('without a subscription it is 404 subscription_not_found', async () => {
    const orgId = await createOrganization(owner.core);
    const error = await upgradeSubscription(owner.core, { orgId, planId: 'plan_business' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'subscription_not_found' });
  });

  test('an unknown plan is 404 plan_not_found', async () => {
    const { orgId } = await subscribedOrganization();
    const error = await upgradeSubscription(owner.core, { orgId, planId: 'plan_nope' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'plan_not_found' });
  });

  test('a plain member of the organization is refused with 403 forbidden', async () => {
    const { orgId } = await subscribedOrganization();
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const error = await upgradeSubscription(member.core, { orgId, planId: 'plan_business' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const fromContext = await subscribedOrganization();
    const explicit = await subscribedOrganization();
    const scoped = withContext(owner.core, { organizationId: fromContext.orgId });

    expect(await upgradeSubscription(scoped, { planId: 'plan_business' })).toMatchObject({
      organizationId: fromContext.orgId,
      planId: 'plan_business',
    });
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${fromContext.orgId}/subscription/upgrade`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(fromContext.orgId);

    expect(
      await upgradeSubscription(scoped, { orgId: explicit.orgId, planId: 'plan_business' }),
    ).toMatchObject({
      organizationId: explicit.orgId,
    });
    expect(api.server.requests[1]?.path).toBe(`/v1/organizations/${explicit.orgId}/subscription/upgrade`);
  });

  test('checks its input before sending', async () => {
    await expect(upgradeSubscription(owner.core, { planId: 'plan_business' })).rejects.toThrow(
      /orgId is required/,
    );
    await expect(upgradeSubscription(owner.core, { orgId: 'org_1', planId: ' ' })).rejects.toThrow(/planId/);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const { orgId } = await subscribedOrganization();
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await upgradeSubscription(bogus, { orgId, planId: 'plan_business' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    const { orgId } = await subscribedOrganization();
    api.server.faults.inject({ path: `/v1/organizations/${orgId}/subscription/upgrade`, status: 429 });
    const error = await upgradeSubscription(owner.core, { orgId, planId: 'plan_business' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
