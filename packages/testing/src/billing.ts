import { findPlan, type PlanRecord } from './plans';
import type { ServerState } from './state';
import type { InvoiceRecord, SubscriptionRecord } from './store';

/**
 * A billing period is 30 days, as the contract's examples assume; no calendar arithmetic needed.
 *
 * @example
 * ```ts
 * const end = start + PERIOD_MS;
 * ```
 *
 * @internal
 */
export const PERIOD_MS: number = 30 * 24 * 60 * 60 * 1000;

/**
 * Brings an organization's subscription up to the server's clock: a period that has ended renews
 * (with a new paid invoice) or, when `cancel_at_period_end` is set, turns the subscription
 * `canceled`. Called lazily whenever billing state is read, so a custom `now` clock is honoured.
 *
 * @param state The server state.
 * @param organizationId The organization.
 *
 * @returns The current subscription, or `undefined` when there never was one.
 *
 * @example
 * ```ts
 * const subscription = settleSubscription(state, org.id);
 * ```
 *
 * @internal
 */
export function settleSubscription(
  state: ServerState,
  organizationId: string,
): SubscriptionRecord | undefined {
  const subscription = state.store.subscriptions.get(organizationId);
  if (subscription === undefined) return undefined;
  const now = state.now();
  // Bounded: a clock moved decades ahead must not spin forever.
  for (
    let periods = 0;
    periods < 1200 && subscription.status !== 'canceled' && now >= subscription.currentPeriodEnd;
    periods++
  ) {
    if (subscription.cancelAtPeriodEnd) {
      subscription.status = 'canceled';
      break;
    }
    subscription.currentPeriodStart = subscription.currentPeriodEnd;
    subscription.currentPeriodEnd = subscription.currentPeriodStart + PERIOD_MS;
    const plan = findPlan(subscription.planId)!;
    issueInvoice(state, subscription, {
      amount: plan.amount,
      description: `${plan.name} plan, renewal`,
      periodStart: subscription.currentPeriodStart,
    });
  }
  return subscription;
}

/**
 * Adds a paid invoice for a subscription.
 *
 * @param state The server state.
 * @param subscription The subscription billed.
 * @param charge The amount (minor units, negative for a credit), the description and the start of
 *   the billed span (it ends with the current period).
 *
 * @returns The invoice.
 *
 * @example
 * ```ts
 * issueInvoice(state, subscription, { amount: 2900, description: 'Pro plan', periodStart: now });
 * ```
 *
 * @internal
 */
export function issueInvoice(
  state: ServerState,
  subscription: SubscriptionRecord,
  charge: { readonly amount: number; readonly description: string; readonly periodStart: number },
): InvoiceRecord {
  const plan = findPlan(subscription.planId)!;
  const invoice: InvoiceRecord = {
    id: state.random.id('in'),
    organizationId: subscription.organizationId,
    subscriptionId: subscription.id,
    planId: plan.id,
    amount: charge.amount,
    currency: plan.currency,
    status: 'paid',
    description: charge.description,
    periodStart: charge.periodStart,
    periodEnd: subscription.currentPeriodEnd,
    createdAt: state.now(),
    seq: state.store.nextSeq(),
  };
  const invoices = state.store.invoices.get(subscription.organizationId) ?? [];
  invoices.push(invoice);
  state.store.invoices.set(subscription.organizationId, invoices);
  return invoice;
}

/**
 * The prorated charge for switching plans now: the unused fraction of the period times the price
 * difference, rounded to whole minor units (negative when moving to a cheaper plan).
 *
 * @param from The current plan.
 * @param to The new plan.
 * @param subscription The subscription (for its period).
 * @param now The server's current time.
 *
 * @returns The amount in minor units.
 *
 * @example
 * ```ts
 * prorate(pro, business, subscription, now); // 3500 at the middle of the period (7000 / 2)
 * ```
 *
 * @internal
 */
export function prorate(
  from: PlanRecord,
  to: PlanRecord,
  subscription: SubscriptionRecord,
  now: number,
): number {
  const length = subscription.currentPeriodEnd - subscription.currentPeriodStart;
  const remaining = Math.min(Math.max(subscription.currentPeriodEnd - now, 0), length);
  return Math.round(((to.amount - from.amount) * remaining) / length);
}

/**
 * The span API calls are counted in: the current subscription period, or the calendar month (UTC)
 * for an organization without an active subscription.
 *
 * @param state The server state.
 * @param organizationId The organization.
 *
 * @returns The start and end in milliseconds, and the active subscription if any.
 *
 * @example
 * ```ts
 * const { start, end } = usagePeriod(state, org.id);
 * ```
 *
 * @internal
 */
export function usagePeriod(
  state: ServerState,
  organizationId: string,
): { readonly start: number; readonly end: number; readonly subscription: SubscriptionRecord | undefined } {
  const subscription = settleSubscription(state, organizationId);
  if (subscription !== undefined && subscription.status !== 'canceled') {
    return { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd, subscription };
  }
  const now = new Date(state.now());
  return {
    start: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
    end: Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1),
    subscription: undefined,
  };
}

/**
 * Counts one API call for an organization in its current usage period.
 *
 * @param state The server state.
 * @param organizationId The organization.
 *
 * @example
 * ```ts
 * countApiCall(state, org.id);
 * ```
 *
 * @internal
 */
export function countApiCall(state: ServerState, organizationId: string): void {
  const { start } = usagePeriod(state, organizationId);
  const counters = state.store.apiCalls.get(organizationId) ?? new Map<number, number>();
  counters.set(start, (counters.get(start) ?? 0) + 1);
  state.store.apiCalls.set(organizationId, counters);
}
