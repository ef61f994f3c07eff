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
import { getInvoices } from './get-invoices';
import type { Invoice } from './schemas/invoice';
import { upgradeSubscription } from './upgrade-subscription';

const api = useLocalApi();
let owner: SignedUpUser;
let orgId: string;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  orgId = await createOrganization(owner.core);
  // Five invoices: the first period, then four plan changes (each prorated).
  await createSubscription(owner.core, { orgId, planId: 'plan_pro' });
  for (const planId of ['plan_business', 'plan_pro', 'plan_business', 'plan_pro']) {
    await upgradeSubscription(owner.core, { orgId, planId });
  }
});

describe('getInvoices', () => {
  test('awaiting gives the first page of typed invoices, newest first', async () => {
    const page = await getInvoices(owner.core, { orgId, limit: 10 });

    expect(page).toHaveLength(5);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    for (const invoice of page) {
      expect(invoice).toEqual({
        id: expect.stringMatching(/^in_/),
        organizationId: orgId,
        subscriptionId: expect.stringMatching(/^sub_/),
        planId: expect.stringMatching(/^plan_/),
        amount: expect.any(Number),
        currency: 'USD',
        total: expect.stringMatching(/\$\d+\.\d{2}/),
        status: expect.any(String),
        description: expect.any(String),
        periodStart: expect.stringMatching(ISO_TIMESTAMP),
        periodEnd: expect.stringMatching(ISO_TIMESTAMP),
        createdAt: expect.stringMatching(ISO_TIMESTAMP),
      });
      expect(Number.isInteger(invoice.amount)).toBe(true);
    }
    const oldest = page[4];
    expect(oldest).toMatchObject({ planId: 'plan_pro', amount: 2900, total: '$29.00', status: 'paid' });
    const times = page.map((invoice) => Date.parse(invoice.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/organizations/${orgId}/invoices`,
      query: { limit: '10' },
    });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toBeUndefined();
  });

  test('for await walks every page: 5 invoices, 2 per page, 3 requests', async () => {
    const all = await getInvoices(owner.core, { orgId, limit: 100 });
    api.server.clearRequests();

    const seen: Invoice[] = [];
    for await (const invoice of getInvoices(owner.core, { orgId, limit: 2 })) seen.push(invoice);

    expect(seen).toEqual([...all]);
    expect(api.server.requests.map((request) => request.query.limit)).toEqual(['2', '2', '2']);
    expect(api.server.requests[1]?.query.cursor).toEqual(expect.any(String));
  });

  test('an organization without a subscription has no invoices', async () => {
    const fresh = await createOrganization(owner.core);
    const page = await getInvoices(owner.core, { orgId: fresh });
    expect([...page]).toEqual([]);
    expect(page.hasMore).toBe(false);
  });

  test('a plain member may read them; a caller outside gets 404 organization_not_found', async () => {
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    expect(await getInvoices(member.core, { orgId })).toHaveLength(5);

    const stranger = await api.signUp('Sam Stranger');
    const error = await getInvoices(stranger.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const fresh = await createOrganization(owner.core);
    api.server.clearRequests();
    const scoped = withContext(owner.core, { organizationId: orgId });

    expect(await getInvoices(scoped)).toHaveLength(5);
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${orgId}/invoices`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(orgId);

    expect(await getInvoices(scoped, { orgId: fresh })).toHaveLength(0);
    expect(api.server.requests[1]?.path).toBe(`/v1/organizations/${fresh}/invoices`);
  });

  test('without orgId or context, or with a bad limit, it throws a TypeError at once and sends nothing', () => {
    expect(() => getInvoices(owner.core)).toThrow(/orgId is required/);
    expect(() => getInvoices(owner.core, { orgId, limit: 1.5 })).toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await getInvoices(bogus, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    api.server.faults.inject({ path: `/v1/organizations/${orgId}/invoices`, status: 429 });
    const error = await getInvoices(owner.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
