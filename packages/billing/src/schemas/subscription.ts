import * as v from 'valibot';

/**
 * The state of a subscription. Open-ended: a newer API may add states, and an older SDK must still
 * read them.
 *
 * @public
 */
export type SubscriptionStatus = 'active' | 'canceled' | 'past_due' | 'trialing' | (string & {});

/**
 * An organization's subscription to a plan.
 *
 * @public
 */
export interface Subscription {
  /** Subscription id (`sub_…`). */
  readonly id: string;
  /** The subscribed organization (`org_…`). */
  readonly organizationId: string;
  /** The current plan (`plan_…`). */
  readonly planId: string;
  /** The current plan's display name, e.g. `Pro`. */
  readonly planName: string;
  /** The subscription's state. */
  readonly status: SubscriptionStatus;
  /** Start of the current billing period (ISO 8601 UTC). */
  readonly currentPeriodStart: string;
  /** End of the current billing period (ISO 8601 UTC); a cancelled subscription ends here. */
  readonly currentPeriodEnd: string;
  /** Whether the subscription ends with the current period instead of renewing. */
  readonly cancelAtPeriodEnd: boolean;
  /** When it was created (ISO 8601 UTC). */
  readonly createdAt: string;
}

interface WireSubscription {
  id: string;
  organization_id: string;
  plan_id: string;
  plan_name: string;
  status: string;
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  created_at: string;
}

/** Validates a subscription from the wire and converts it to {@link Subscription}. */
export const SubscriptionSchema: v.GenericSchema<WireSubscription, Subscription> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      id: v.string(),
      organization_id: v.string(),
      plan_id: v.string(),
      plan_name: v.string(),
      status: v.string(),
      current_period_start: v.string(),
      current_period_end: v.string(),
      cancel_at_period_end: v.boolean(),
      created_at: v.string(),
    }),
    v.transform(
      (wire): Subscription => ({
        id: wire.id,
        organizationId: wire.organization_id,
        planId: wire.plan_id,
        planName: wire.plan_name,
        status: wire.status,
        currentPeriodStart: wire.current_period_start,
        currentPeriodEnd: wire.current_period_end,
        cancelAtPeriodEnd: wire.cancel_at_period_end,
        createdAt: wire.created_at,
      }),
    ),
  ))();

/** The subscription endpoint answers `200 null` for an organization that never subscribed. */
export const OptionalSubscriptionSchema: v.GenericSchema<WireSubscription | null, Subscription | null> =
  /* @__PURE__ */ (() => v.nullable(SubscriptionSchema))();
