import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  type SignedUpUser,
  UUID,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { cancelSubscription } from './cancel-subscription';
import { createSubscription } from './create-subscription';
import { getSubscription } from './get-subscription';

const api = useLocalApi();
let owner: SignedUpUser;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
});

async function subscribedOrganization() {
  const orgId = await createOrganization(owner.core);
  const subscription = await createSubscription(owner.core, { orgId, planId: 'plan_pro' });
  api.server.clearRequests();
  return { orgId, subscription };
}

describe('cancelSubscription', () => {
  test('cancels at the end of the period: still active, cancelAtPeriodEnd set', async () => {
    const { orgId, subscription } = await subscribedOrganization();
    const canceled = await cancelSubscription(owner.core, { orgId });

    expect(canceled).toEqual({ ...subscription, status: 'active', cancelAtPeriodEnd: true });
    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1/organizations/${orgId}/subscription/cancel`,
      body: undefined,
    });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toMatch(UUID);

    expect(await getSubscription(owner.core, { orgId })).toEqual(canceled);
  });

  test('without a subscription it is 404 subscription_not_found', async () => {
    const orgId = await createOrganization(owner.core);
    const error = await cancelSubscription(owner.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'subscription_not_found' });
  });

  test('a plain member of the organization is refused with 403 forbidden', async () => {
    const { orgId, subscription } = await subscribedOrganization();
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const error = await cancelSubscription(member.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
    expect(await getSubscription(owner.core, { orgId })).toEqual(subscription);
  });

  test('a caller outside the organization gets 404 organization_not_found', async () => {
    const { orgId } = await subscribedOrganization();
    const stranger = await api.signUp('Sam Stranger');
    const error = await cancelSubscription(stranger.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const fromContext = await subscribedOrganization();
    const explicit = await subscribedOrganization();
    const scoped = withContext(owner.core, { organizationId: fromContext.orgId });

    await cancelSubscription(scoped, { orgId: explicit.orgId });
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${explicit.orgId}/subscription/cancel`);
    expect(await getSubscription(owner.core, { orgId: fromContext.orgId })).toMatchObject({
      cancelAtPeriodEnd: false,
    });

    api.server.clearRequests();
    expect(await cancelSubscription(scoped)).toMatchObject({
      organizationId: fromContext.orgId,
      cancelAtPeriodEnd: true,
    });
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${fromContext.orgId}/subscription/cancel`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(fromContext.orgId);
  });

  test('without orgId or context it throws a TypeError and sends nothing', async () => {
    await expect(cancelSubscription(owner.core)).rejects.toThrow(/orgId is required/);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const { orgId } = await subscribedOrganization();
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await cancelSubscription(bogus, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    const { orgId } = await subscribedOrganization();
    api.server.faults.inject({ path: `/v1/organizations/${orgId}/subscription/cancel`, status: 429 });
    const error = await cancelSubscription(owner.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
