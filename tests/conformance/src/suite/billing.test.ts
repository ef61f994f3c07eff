import { getPlans } from '@puguh/billing';
import { createPuguhCore } from '@puguh/core';
import { describe, expect, test } from 'vitest';
import { apiUrl } from '../support/provided';
import { signUp, unique } from '../support/users';

describe('billing', () => {
  test('getPlans needs no credential and prints "Pro: $29.00/mo"', async () => {
    // What a browser pricing page does: @puguh/billing and a core with no credential.
    const plans = await getPlans(createPuguhCore({ baseUrl: apiUrl(), maxRetries: 0 }));
    const lines = plans.map((plan) => `${plan.name}: ${plan.price}/mo`);
    expect(lines).toContain('Pro: $29.00/mo');
    const pro = plans.find((plan) => plan.name === 'Pro');
    expect(pro).toMatchObject({ id: 'plan_pro', amount: 2900, currency: 'USD', interval: 'month' });
    expect(Number.isInteger(pro?.amount)).toBe(true);
  });

  test('subscription: none, create, upgrade, cancel; invoices and usage follow', async () => {
    const { client: owner } = await signUp();
    const org = await owner.organizations.create({ name: 'Paying', slug: unique('paying') });
    const billing = owner.withContext({ organizationId: org.id }).billing;

    expect(await billing.getSubscription()).toBeNull();

    const created = await billing.createSubscription({ planId: 'plan_pro' });
    expect(created).toMatchObject({ organizationId: org.id, planId: 'plan_pro', status: 'active' });
    await expect(billing.createSubscription({ planId: 'plan_pro' })).rejects.toMatchObject({
      statusCode: 409,
      code: 'subscription_exists',
    });

    const upgraded = await billing.upgrade({ planId: 'plan_business' });
    expect(upgraded).toMatchObject({ id: created.id, planId: 'plan_business', planName: 'Business' });

    const canceled = await billing.cancel();
    expect(canceled).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect(await billing.getSubscription()).toMatchObject({ cancelAtPeriodEnd: true });

    const invoices = await billing.getInvoices();
    expect(invoices.length).toBeGreaterThanOrEqual(2);
    expect(invoices.every((invoice) => invoice.organizationId === org.id)).toBe(true);
    // Newest first: the prorated upgrade invoice, then the first one for Pro.
    expect(invoices.map((invoice) => invoice.planId)).toEqual(['plan_business', 'plan_pro']);

    const usage = await billing.getUsage();
    expect(usage).toMatchObject({ organizationId: org.id, planId: 'plan_business' });
    expect(usage.members.used).toBe(1);
    expect(usage.apiCalls.used).toBeGreaterThan(0);
  });
});
