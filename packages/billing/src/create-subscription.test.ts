import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  ISO_TIMESTAMP,
  type SignedUpUser,
  UUID,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSubscription } from './create-subscription';
import { getInvoices } from './get-invoices';
import { getPlan } from './get-plan';
import { getSubscription } from './get-subscription';

const api = useLocalApi();
let owner: SignedUpUser;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
});

async function newOrganization() {
  const orgId = await createOrganization(owner.core);
  api.server.clearRequests();
  return orgId;
}

describe('createSubscription', () => {
  test('subscribes an organization: active, and the period is invoiced at the plan amount', async () => {
    const orgId = await newOrganization();
    const subscription = await createSubscription(owner.core, { orgId, planId: 'plan_pro' });

    expect(subscription).toEqual({
      id: expect.stringMatching(/^sub_/),
      organizationId: orgId,
      planId: 'plan_pro',
      planName: 'Pro',
      status: 'active',
      currentPeriodStart: expect.stringMatching(ISO_TIMESTAMP),
      currentPeriodEnd: expect.stringMatching(ISO_TIMESTAMP),
      cancelAtPeriodEnd: false,
      createdAt: expect.stringMatching(ISO_TIMESTAMP),
    });
    expect(Date.parse(subscription.currentPeriodEnd)).toBeGreaterThan(
      Date.parse(subscription.currentPeriodStart),
    );

    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/v1/organizations/${orgId}/subscription` });
    expect(request?.body).toEqual({ plan_id: 'plan_pro' });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toMatch(UUID);

    const plan = await getPlan(api.anonymous, { planId: 'plan_pro' });
    const invoices = await getInvoices(owner.core, { orgId });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      organizationId: orgId,
      subscriptionId: subscription.id,
      planId: 'plan_pro',
      amount: plan.amount,
      currency: plan.currency,
      total: plan.price,
    });
    expect(await getSubscription(owner.core, { orgId })).toEqual(subscription);
  });

  test('subscribing twice is 409 subscription_exists', async () => {
    const orgId = await newOrganization();
    await createSubscription(owner.core, { orgId, planId: 'plan_pro' });
    const error = await createSubscription(owner.core, { orgId, planId: 'plan_business' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'subscription_exists' });
    expect(await getSubscription(owner.core, { orgId })).toMatchObject({ planId: 'plan_pro' });
  });

  test('an unknown plan is 404 plan_not_found', async () => {
    const orgId = await newOrganization();
    const error = await createSubscription(owner.core, { orgId, planId: 'plan_nope' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'plan_not_found' });
    expect(await getSubscription(owner.core, { orgId })).toBeNull();
  });

  test('a plain member of the organization is refused with 403 forbidden', async () => {
    const orgId = await newOrganization();
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const error = await createSubscription(member.core, { orgId, planId: 'plan_pro' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('a caller outside the organization gets 404 organization_not_found', async () => {
    const orgId = await newOrganization();
    const stranger = await api.signUp('Sam Stranger');
    const error = await createSubscription(stranger.core, { orgId, planId: 'plan_pro' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('the service key may subscribe any organization', async () => {
    const orgId = await newOrganization();
    expect(await createSubscription(api.service, { orgId, planId: 'plan_free' })).toMatchObject({
      organizationId: orgId,
      planId: 'plan_free',
      status: 'active',
    });
    expect(api.server.requests[0]?.headers.authorization).toBe(`Bearer ${api.server.apiKey}`);
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const fromContext = await newOrganization();
    const explicit = await newOrganization();
    const scoped = withContext(owner.core, { organizationId: fromContext });

    expect(await createSubscription(scoped, { planId: 'plan_pro' })).toMatchObject({
      organizationId: fromContext,
    });
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${fromContext}/subscription`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(fromContext);

    expect(await createSubscription(scoped, { orgId: explicit, planId: 'plan_pro' })).toMatchObject({
      organizationId: explicit,
    });
    expect(api.server.requests[1]?.path).toBe(`/v1/organizations/${explicit}/subscription`);
  });

  test('checks its input before sending', async () => {
    await expect(createSubscription(owner.core, { planId: 'plan_pro' })).rejects.toThrow(/orgId is required/);
    await expect(createSubscription(owner.core, { orgId: 'org_1', planId: '' })).rejects.toThrow(/planId/);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const orgId = await newOrganization();
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await createSubscription(bogus, { orgId, planId: 'plan_pro' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError, and nothing is created', async () => {
    const orgId = await newOrganization();
    api.server.faults.inject({
      method: 'POST',
      path: `/v1/organizations/${orgId}/subscription`,
      status: 429,
    });
    const error = await createSubscription(owner.core, { orgId, planId: 'plan_pro' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
    expect(await getSubscription(owner.core, { orgId })).toBeNull();
  });
});
