// 5. billing: plans (public), then a subscription's whole life for Ada's organization.
import type { Organization, PuguhClient, UsageMetric } from '@puguh/sdk';
import { check } from '../checks';
import type { Demo } from '../demo';
import type { Step } from '../tour';

export const BILLING_STEPS = [
  'getPlans',
  'getPlan',
  'getSubscription',
  'createSubscription',
  'upgrade',
  'cancel',
  'getInvoices',
  'getUsage',
] as const;

/** Walks through `client.billing`: plans with the service client, the rest as Ada, the owner. */
export async function billingSteps(
  step: Step<(typeof BILLING_STEPS)[number]>,
  { service }: Demo,
  ada: PuguhClient,
  organization: Organization,
): Promise<void> {
  const orgId = organization.id;

  const plans = await step('getPlans', async (say) => {
    const plans = await service.billing.getPlans();
    say(`${plans.length} plans`);
    // `price` is the display string; `amount` is an integer in minor units, never a float.
    for (const plan of plans) say(`${plan.name}: ${plan.price}/mo`);
    return plans;
  });
  const pro = plans.find((plan) => plan.name === 'Pro');
  const business = plans.find((plan) => plan.name === 'Business');

  await step('getPlan', async (say) => {
    check(pro !== undefined, 'no Pro plan');
    const plan = await service.billing.getPlan({ planId: pro.id });
    say(
      `${plan.id}: ${plan.price} = ${plan.amount} ${plan.currency} minor units a ${plan.interval}, ${plan.features.length} features`,
    );
  });

  await step('getSubscription', async (say) => {
    const subscription = await ada.billing.getSubscription({ orgId });
    check(subscription === null, 'a new organization already has a subscription');
    say(`null: ${organization.name} has no subscription yet`);
  });

  await step('createSubscription', async (say) => {
    check(pro !== undefined, 'no Pro plan');
    const subscription = await ada.billing.createSubscription({ orgId, planId: pro.id });
    say(
      `${subscription.id} ${subscription.planName}, ${subscription.status} until ${subscription.currentPeriodEnd}`,
    );
  });

  await step('upgrade', async (say) => {
    check(business !== undefined, 'no Business plan');
    const subscription = await ada.billing.upgrade({ orgId, planId: business.id });
    say(`now ${subscription.planName} (${subscription.status})`);
  });

  await step('cancel', async (say) => {
    const subscription = await ada.billing.cancel({ orgId });
    check(subscription.cancelAtPeriodEnd, 'cancelAtPeriodEnd is still false');
    say(
      `cancelAtPeriodEnd ${subscription.cancelAtPeriodEnd}; ${subscription.status} until ${subscription.currentPeriodEnd}`,
    );
  });

  await step('getInvoices', async (say) => {
    const invoices = await ada.billing.getInvoices({ orgId });
    const sum = invoices.reduce((total, invoice) => total + invoice.amount, 0);
    say(
      `${invoices.length} invoices, newest first; ${sum} ${invoices[0]?.currency ?? ''} minor units in all`,
    );
    for (const invoice of invoices) {
      say(
        `${invoice.total.padStart(8)} (${invoice.amount} ${invoice.currency}) ${invoice.status}: ${invoice.description}`,
      );
    }
  });

  await step('getUsage', async (say) => {
    const usage = await ada.billing.getUsage({ orgId });
    const show = (metric: UsageMetric): string => `${metric.used}/${metric.limit ?? 'unlimited'}`;
    say(
      `API calls ${show(usage.apiCalls)}, members ${show(usage.members)}, applications ${show(usage.applications)}`,
    );
  });
}
