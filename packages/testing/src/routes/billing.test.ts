import { describe, expect, test } from 'vitest';
import { expectError, useServer } from '../test-support/harness';
import type { Invoice, Page, Plan, Subscription, Usage } from '../test-support/wire-types';

const DAY = 24 * 60 * 60 * 1000;
let clock = Date.parse('2026-02-01T00:00:00.000Z');
// Long-lived tokens: the tests move the clock by months.
const api = useServer({ now: () => clock, accessTokenTtlSeconds: 365 * 24 * 60 * 60 });

async function subscribedOrganization(planId = 'plan_pro') {
  const owner = await api.signUp('billing');
  const organization = await api.createOrganization(owner.token);
  const created = await api.call<Subscription>('POST', `/v1/organizations/${organization.id}/subscription`, {
    token: owner.token,
    body: { plan_id: planId },
  });
  expect(created.status).toBe(201);
  return { owner, organization, subscription: created.body, base: `/v1/organizations/${organization.id}` };
}

describe('plans (public)', () => {
  test('lists the seeded plans with integer amounts and display prices, in one page', async () => {
    const response = await api.call<Page<Plan>>('GET', '/v1/billing/plans');
    expect(response.status).toBe(200);
    expect(response.body.has_more).toBe(false);
    expect(response.body.next_cursor).toBeNull();
    expect(
      response.body.data.map((plan) => [
        plan.id,
        plan.name,
        plan.amount,
        plan.currency,
        plan.price,
        plan.interval,
      ]),
    ).toEqual([
      ['plan_free', 'Free', 0, 'USD', '$0.00', 'month'],
      ['plan_pro', 'Pro', 2900, 'USD', '$29.00', 'month'],
      ['plan_business', 'Business', 9900, 'USD', '$99.00', 'month'],
    ]);
    for (const plan of response.body.data) {
      expect(plan.features.length).toBeGreaterThan(0);
      expect(Object.keys(plan.limits).sort()).toEqual(['api_calls', 'applications', 'members']);
    }
  });

  test('get one plan; an unknown plan is 404 plan_not_found', async () => {
    const pro = await api.call<Plan>('GET', '/v1/billing/plans/plan_pro');
    expect(pro.body).toMatchObject({ id: 'plan_pro', price: '$29.00', limits: { members: 20 } });
    expectError(await api.call('GET', '/v1/billing/plans/plan_gold'), 404, 'plan_not_found');
  });

  test('credentials are not needed, and a bad one is ignored', async () => {
    expect((await api.call('GET', '/v1/billing/plans', { token: 'garbage' })).status).toBe(200);
  });
});

describe('subscriptions', () => {
  test('a new organization has none: 200 null', async () => {
    const owner = await api.signUp('none');
    const organization = await api.createOrganization(owner.token);
    const response = await api.call('GET', `/v1/organizations/${organization.id}/subscription`, {
      token: owner.token,
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('null');
  });

  test('create: active, a 30-day period, and a paid invoice for the plan price', async () => {
    const { owner, organization, subscription, base } = await subscribedOrganization();
    expect(subscription).toEqual({
      id: expect.stringMatching(/^sub_/),
      organization_id: organization.id,
      plan_id: 'plan_pro',
      plan_name: 'Pro',
      status: 'active',
      current_period_start: new Date(clock).toISOString(),
      current_period_end: new Date(clock + 30 * DAY).toISOString(),
      cancel_at_period_end: false,
      created_at: new Date(clock).toISOString(),
    });
    expect(
      (await api.call<Subscription>('GET', `${base}/subscription`, { token: owner.token })).body,
    ).toEqual(subscription);
    const invoices = await api.call<Page<Invoice>>('GET', `${base}/invoices`, { token: owner.token });
    expect(invoices.body.data).toEqual([
      {
        id: expect.stringMatching(/^in_/),
        organization_id: organization.id,
        subscription_id: subscription.id,
        plan_id: 'plan_pro',
        amount: 2900,
        currency: 'USD',
        total: '$29.00',
        status: 'paid',
        description: 'Pro plan',
        period_start: subscription.current_period_start,
        period_end: subscription.current_period_end,
        created_at: subscription.created_at,
      },
    ]);
  });

  test('a second subscription is 409 subscription_exists; an unknown plan is 404 plan_not_found', async () => {
    const { owner, base } = await subscribedOrganization();
    expectError(
      await api.call('POST', `${base}/subscription`, {
        token: owner.token,
        body: { plan_id: 'plan_business' },
      }),
      409,
      'subscription_exists',
    );
    const other = await api.createOrganization(owner.token);
    expectError(
      await api.call('POST', `/v1/organizations/${other.id}/subscription`, {
        token: owner.token,
        body: { plan_id: 'plan_gold' },
      }),
      404,
      'plan_not_found',
    );
    expectError(
      await api.call('POST', `/v1/organizations/${other.id}/subscription`, { token: owner.token, body: {} }),
      400,
      'invalid_request',
    );
  });

  test('upgrade mid-period issues a prorated invoice (remaining fraction × difference, rounded)', async () => {
    const { owner, base } = await subscribedOrganization('plan_pro');
    clock += 10 * DAY; // 20 of 30 days left: 7000 × 2/3 = 4666.67 → 4667
    const upgraded = await api.call<Subscription>('POST', `${base}/subscription/upgrade`, {
      token: owner.token,
      body: { plan_id: 'plan_business' },
    });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body).toMatchObject({
      plan_id: 'plan_business',
      plan_name: 'Business',
      status: 'active',
    });
    const invoices = await api.call<Page<Invoice>>('GET', `${base}/invoices`, { token: owner.token });
    expect(invoices.body.data.map((invoice) => [invoice.amount, invoice.total, invoice.plan_id])).toEqual([
      [4667, '$46.67', 'plan_business'],
      [2900, '$29.00', 'plan_pro'],
    ]);
    expect(invoices.body.data[0]?.period_start).toBe(new Date(clock).toISOString());

    clock += 5 * DAY; // 15 days left: moving down to Free credits (0 − 9900) × 15/30 = −4950
    await api.call('POST', `${base}/subscription/upgrade`, {
      token: owner.token,
      body: { plan_id: 'plan_free' },
    });
    const after = await api.call<Page<Invoice>>('GET', `${base}/invoices`, { token: owner.token });
    expect(after.body.data[0]).toMatchObject({ amount: -4950, total: '-$49.50' });
  });

  test('upgrade errors: same plan 409 same_plan, no subscription 404 subscription_not_found, bad plan 404', async () => {
    const { owner, base } = await subscribedOrganization('plan_pro');
    expectError(
      await api.call('POST', `${base}/subscription/upgrade`, {
        token: owner.token,
        body: { plan_id: 'plan_pro' },
      }),
      409,
      'same_plan',
    );
    expectError(
      await api.call('POST', `${base}/subscription/upgrade`, {
        token: owner.token,
        body: { plan_id: 'plan_x' },
      }),
      404,
      'plan_not_found',
    );
    const bare = await api.createOrganization(owner.token);
    expectError(
      await api.call('POST', `/v1/organizations/${bare.id}/subscription/upgrade`, {
        token: owner.token,
        body: { plan_id: 'plan_pro' },
      }),
      404,
      'subscription_not_found',
    );
    expectError(
      await api.call('POST', `/v1/organizations/${bare.id}/subscription/cancel`, { token: owner.token }),
      404,
      'subscription_not_found',
    );
  });

  test('cancel keeps it active until the period ends, then it is canceled and a new one may start', async () => {
    const { owner, base, subscription } = await subscribedOrganization('plan_pro');
    const canceled = await api.call<Subscription>('POST', `${base}/subscription/cancel`, {
      token: owner.token,
    });
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({
      id: subscription.id,
      status: 'active',
      cancel_at_period_end: true,
    });
    clock += 30 * DAY;
    const ended = await api.call<Subscription>('GET', `${base}/subscription`, { token: owner.token });
    expect(ended.body).toMatchObject({ status: 'canceled', cancel_at_period_end: true });
    const fresh = await api.call<Subscription>('POST', `${base}/subscription`, {
      token: owner.token,
      body: { plan_id: 'plan_free' },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.id).not.toBe(subscription.id);
  });

  test('an uncanceled subscription renews at the period end with a new invoice', async () => {
    const { owner, base, subscription } = await subscribedOrganization('plan_pro');
    clock += 31 * DAY;
    const renewed = await api.call<Subscription>('GET', `${base}/subscription`, { token: owner.token });
    expect(renewed.body.current_period_start).toBe(subscription.current_period_end);
    const invoices = await api.call<Page<Invoice>>('GET', `${base}/invoices`, { token: owner.token });
    expect(invoices.body.data.map((invoice) => invoice.description)).toEqual([
      'Pro plan, renewal',
      'Pro plan',
    ]);
  });

  test('members read billing but cannot change it (403); strangers get 404', async () => {
    const { owner, organization, base } = await subscribedOrganization();
    const member = await api.signUp('reader');
    const stranger = await api.signUp('stranger');
    await api.call('POST', `${base}/invitations`, {
      token: owner.token,
      body: { email: member.email, role: 'member' },
    });
    for (const path of ['subscription', 'invoices', 'usage']) {
      expect((await api.call('GET', `${base}/${path}`, { token: member.token })).status).toBe(200);
      expectError(
        await api.call('GET', `${base}/${path}`, { token: stranger.token }),
        404,
        'organization_not_found',
      );
    }
    expectError(
      await api.call('POST', `${base}/subscription/cancel`, { token: member.token }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('POST', `${base}/subscription/upgrade`, {
        token: member.token,
        body: { plan_id: 'plan_business' },
      }),
      403,
      'forbidden',
    );
    expect(organization.id).toBeTruthy();
  });
});

describe('usage', () => {
  test('counts API calls to the organization (its applications included) against the plan limits', async () => {
    const { owner, organization, base, subscription } = await subscribedOrganization('plan_pro');
    const application = await api.call<{ id: string }>('POST', `${base}/applications`, {
      token: owner.token,
      body: { name: 'App', slug: 'app' },
    });
    await api.call('GET', `/v1/applications/${application.body.id}`, { token: owner.token });
    await api.call('GET', `${base}/members`, { token: owner.token });
    await api.call('GET', '/v1/billing/plans', { token: owner.token }); // not an organization path
    const usage = await api.call<Usage>('GET', `${base}/usage`, { token: owner.token });
    // Application POST, application GET, members GET and this usage GET; the subscription POST
    // was counted in the period before the subscription started.
    expect(usage.body).toEqual({
      organization_id: organization.id,
      plan_id: 'plan_pro',
      period_start: subscription.current_period_start,
      period_end: subscription.current_period_end,
      metrics: {
        api_calls: { used: 4, limit: 100_000 },
        members: { used: 1, limit: 20 },
        applications: { used: 1, limit: 10 },
      },
    });
  });

  test('without a subscription: the calendar month, no plan, no limits', async () => {
    const owner = await api.signUp('free');
    const organization = await api.createOrganization(owner.token);
    const usage = await api.call<Usage>('GET', `/v1/organizations/${organization.id}/usage`, {
      token: owner.token,
    });
    const now = new Date(clock);
    expect(usage.body).toMatchObject({
      plan_id: null,
      period_start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
      metrics: { api_calls: { used: 1, limit: null }, members: { used: 1, limit: null } },
    });
  });

  test('non-members do not add to an organization’s usage', async () => {
    const owner = await api.signUp('counted');
    const stranger = await api.signUp('stranger');
    const organization = await api.createOrganization(owner.token);
    await api.call('GET', `/v1/organizations/${organization.id}`, { token: stranger.token });
    await api.call('GET', `/v1/organizations/${organization.id}`);
    const usage = await api.call<Usage>('GET', `/v1/organizations/${organization.id}/usage`, {
      token: owner.token,
    });
    expect(usage.body.metrics.api_calls.used).toBe(1);
  });
});
