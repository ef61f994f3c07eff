import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  type SignedUpUser,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { createSubscription } from './create-subscription';
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

describe('getSubscription', () => {
  test('a new organization has no subscription: null', async () => {
    const orgId = await newOrganization();
    expect(await getSubscription(owner.core, { orgId })).toBeNull();

    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/organizations/${orgId}/subscription`,
      body: undefined,
    });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toBeUndefined();
  });

  test('returns the subscription once there is one', async () => {
    const orgId = await newOrganization();
    const created = await createSubscription(owner.core, { orgId, planId: 'plan_pro' });
    expect(await getSubscription(owner.core, { orgId })).toEqual(created);
  });

  test('a plain member of the organization may read it', async () => {
    const orgId = await newOrganization();
    const created = await createSubscription(owner.core, { orgId, planId: 'plan_pro' });
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    expect(await getSubscription(member.core, { orgId })).toEqual(created);
  });

  test('a caller outside the organization gets 404 organization_not_found', async () => {
    const orgId = await newOrganization();
    const stranger = await api.signUp('Sam Stranger');
    const error = await getSubscription(stranger.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const subscribed = await newOrganization();
    const created = await createSubscription(owner.core, { orgId: subscribed, planId: 'plan_pro' });
    const unsubscribed = await newOrganization();
    const scoped = withContext(owner.core, { organizationId: subscribed });

    expect(await getSubscription(scoped)).toEqual(created);
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${subscribed}/subscription`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(subscribed);

    expect(await getSubscription(scoped, { orgId: unsubscribed })).toBeNull();
    expect(api.server.requests[1]?.path).toBe(`/v1/organizations/${unsubscribed}/subscription`);
  });

  test('without orgId or context it throws a TypeError and sends nothing', async () => {
    await expect(getSubscription(owner.core)).rejects.toThrow(/orgId is required/);
    await expect(getSubscription(owner.core, { orgId: ' ' })).rejects.toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const orgId = await newOrganization();
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await getSubscription(bogus, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    const orgId = await newOrganization();
    api.server.faults.inject({
      path: `/v1/organizations/${orgId}/subscription`,
      status: 429,
      headers: { 'retry-after': '6' },
    });
    const error = await getSubscription(owner.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 6 });
  });
});
