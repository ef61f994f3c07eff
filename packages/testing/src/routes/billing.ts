import type { Hono } from 'hono';
import * as v from 'valibot';
import { authenticate, organizationAccess } from '../access';
import { issueInvoice, PERIOD_MS, prorate, settleSubscription, usagePeriod } from '../billing';
import { ApiError } from '../errors';
import { paginate } from '../pagination';
import { findPlan, PLANS, type PlanRecord } from '../plans';
import { type AppEnv, iso, type ServerState } from '../state';
import type { SubscriptionRecord } from '../store';
import { readBody, tokenField } from '../validation';
import { invoiceWire, planWire, subscriptionWire } from '../wire';

/**
 * Registers the billing routes: plans (public), subscription (get, create, upgrade, cancel),
 * invoices and usage.
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * billingRoutes(app, state);
 * ```
 *
 * @internal
 */
export function billingRoutes(app: Hono<AppEnv>, state: ServerState): void {
  const { store } = state;
  const planBody = v.object({ plan_id: tokenField });

  app.get('/v1/billing/plans', (c) => {
    const page = paginate(c, PLANS, {
      kind: 'plans',
      seqOf: (plan) => PLANS.indexOf(plan) + 1,
      order: 'asc',
      defaultLimit: 100,
    });
    return c.json({ ...page, data: page.data.map(planWire) });
  });

  app.get('/v1/billing/plans/:plan_id', (c) => c.json(planWire(requirePlan(c.req.param('plan_id')))));

  app.get('/v1/organizations/:org_id/subscription', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'member',
    );
    const subscription = settleSubscription(state, organization.id);
    return c.json(
      subscription === undefined ? null : subscriptionWire(subscription, findPlan(subscription.planId)!),
    );
  });

  app.post('/v1/organizations/:org_id/subscription', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'admin',
    );
    const plan = requirePlan(readBody(c, planBody).plan_id);
    const existing = settleSubscription(state, organization.id);
    if (existing !== undefined && existing.status !== 'canceled') {
      throw new ApiError(
        409,
        'subscription_exists',
        'This organization already has a subscription; upgrade or cancel it.',
      );
    }
    const now = state.now();
    const subscription: SubscriptionRecord = {
      id: state.random.id('sub'),
      organizationId: organization.id,
      planId: plan.id,
      status: 'active',
      currentPeriodStart: now,
      currentPeriodEnd: now + PERIOD_MS,
      cancelAtPeriodEnd: false,
      createdAt: now,
    };
    store.subscriptions.set(organization.id, subscription);
    issueInvoice(state, subscription, {
      amount: plan.amount,
      description: `${plan.name} plan`,
      periodStart: now,
    });
    return c.json(subscriptionWire(subscription, plan), 201);
  });

  app.post('/v1/organizations/:org_id/subscription/upgrade', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'admin',
    );
    const plan = requirePlan(readBody(c, planBody).plan_id);
    const subscription = requireSubscription(state, organization.id);
    const current = findPlan(subscription.planId)!;
    if (current.id === plan.id)
      throw new ApiError(409, 'same_plan', `The subscription is already on ${plan.name}.`);
    const now = state.now();
    const amount = prorate(current, plan, subscription, now);
    subscription.planId = plan.id;
    issueInvoice(state, subscription, {
      amount,
      description: `Prorated change from ${current.name} to ${plan.name} until ${iso(subscription.currentPeriodEnd)}`,
      periodStart: now,
    });
    return c.json(subscriptionWire(subscription, plan));
  });

  app.post('/v1/organizations/:org_id/subscription/cancel', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'admin',
    );
    const subscription = requireSubscription(state, organization.id);
    // Paid until the period ends: the status stays active until then.
    subscription.cancelAtPeriodEnd = true;
    return c.json(subscriptionWire(subscription, findPlan(subscription.planId)!));
  });

  app.get('/v1/organizations/:org_id/invoices', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'member',
    );
    settleSubscription(state, organization.id);
    const invoices = [...(store.invoices.get(organization.id) ?? [])].reverse();
    const page = paginate(c, invoices, { kind: 'invoices', seqOf: (invoice) => invoice.seq, order: 'desc' });
    return c.json({ ...page, data: page.data.map(invoiceWire) });
  });

  app.get('/v1/organizations/:org_id/usage', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'member',
    );
    const period = usagePeriod(state, organization.id);
    const plan = period.subscription === undefined ? undefined : findPlan(period.subscription.planId);
    let applications = 0;
    for (const application of store.applications.values())
      if (application.organizationId === organization.id) applications++;
    return c.json({
      organization_id: organization.id,
      plan_id: plan?.id ?? null,
      period_start: iso(period.start),
      period_end: iso(period.end),
      metrics: {
        api_calls: {
          used: store.apiCalls.get(organization.id)?.get(period.start) ?? 0,
          limit: plan?.limits.apiCalls ?? null,
        },
        members: {
          used: store.memberships.get(organization.id)?.size ?? 0,
          limit: plan?.limits.members ?? null,
        },
        applications: { used: applications, limit: plan?.limits.applications ?? null },
      },
    });
  });
}

function requirePlan(planId: string): PlanRecord {
  const plan = findPlan(planId);
  if (plan === undefined) throw new ApiError(404, 'plan_not_found', `No plan ${planId}.`);
  return plan;
}

function requireSubscription(state: ServerState, organizationId: string): SubscriptionRecord {
  const subscription = settleSubscription(state, organizationId);
  if (subscription === undefined || subscription.status === 'canceled') {
    throw new ApiError(404, 'subscription_not_found', 'This organization has no active subscription.');
  }
  return subscription;
}
