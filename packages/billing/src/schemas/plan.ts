import { WholeNumberSchema } from '@puguh/core/internal';
import * as v from 'valibot';

/**
 * How often a plan is billed. Open-ended: a newer API may add intervals, and an older SDK must
 * still read them.
 *
 * @public
 */
export type BillingInterval = 'month' | 'year' | (string & {});

/**
 * Usage limits of a plan; `null` means unlimited.
 *
 * @public
 */
export interface PlanLimits {
  /** API calls per billing period. */
  readonly apiCalls: number | null;
  /** Organization members. */
  readonly members: number | null;
  /** Applications per organization. */
  readonly applications: number | null;
}

/**
 * A billing plan. Money is never a binary float: `amount` is an integer in minor units of
 * `currency` (ISO 4217), and `price` is the display string.
 *
 * @public
 */
export interface Plan {
  /** Plan id (`plan_…`). */
  readonly id: string;
  /** Display name, e.g. `Pro`. */
  readonly name: string;
  /** Display price, e.g. `$29.00`. */
  readonly price: string;
  /** Price in minor units of `currency` (2900 for $29.00). */
  readonly amount: number;
  /** ISO 4217 currency code, upper case. */
  readonly currency: string;
  /** Billing interval. */
  readonly interval: BillingInterval;
  /** Feature descriptions for a pricing page. */
  readonly features: readonly string[];
  /** Usage limits. */
  readonly limits: PlanLimits;
}

interface WirePlan {
  id: string;
  name: string;
  price: string;
  amount: number;
  currency: string;
  interval: string;
  features: string[];
  limits: { api_calls: number | null; members: number | null; applications: number | null };
}

const limit = /* @__PURE__ */ (() => v.nullable(WholeNumberSchema))();

/** Validates a plan from the wire and converts it to {@link Plan}. */
export const PlanSchema: v.GenericSchema<WirePlan, Plan> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      id: v.string(),
      name: v.string(),
      price: v.string(),
      amount: WholeNumberSchema,
      currency: v.string(),
      interval: v.string(),
      features: v.array(v.string()),
      limits: v.object({ api_calls: limit, members: limit, applications: limit }),
    }),
    v.transform(
      (wire): Plan => ({
        id: wire.id,
        name: wire.name,
        price: wire.price,
        amount: wire.amount,
        currency: wire.currency,
        interval: wire.interval,
        features: wire.features,
        limits: {
          apiCalls: wire.limits.api_calls,
          members: wire.limits.members,
          applications: wire.limits.applications,
        },
      }),
    ),
  ))();

/**
 * Validates the plans list. The endpoint answers with the list envelope, but the whole catalogue
 * always fits in one page, so `getPlans` returns a plain array as the Python SDK does.
 */
export const PlanListSchema: v.GenericSchema<{ data: WirePlan[] }, Plan[]> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({ data: v.array(PlanSchema) }),
    v.transform((wire) => wire.data),
  ))();
