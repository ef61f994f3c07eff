import { MinorUnitsSchema } from '@puguh/core/internal';
import * as v from 'valibot';

/**
 * The state of an invoice. Open-ended: a newer API may add states, and an older SDK must still read
 * them.
 *
 * @public
 */
export type InvoiceStatus = 'paid' | 'open' | 'void' | (string & {});

/**
 * An invoice of an organization. Money is never a binary float: `amount` is an integer in minor
 * units of `currency`, and `total` is the display string.
 *
 * @public
 */
export interface Invoice {
  /** Invoice id (`in_…`). */
  readonly id: string;
  /** The billed organization (`org_…`). */
  readonly organizationId: string;
  /** The subscription billed (`sub_…`). */
  readonly subscriptionId: string;
  /** The plan billed (`plan_…`). */
  readonly planId: string;
  /** Amount in minor units of `currency` (2900 for $29.00); negative for a credit. */
  readonly amount: number;
  /** ISO 4217 currency code, upper case. */
  readonly currency: string;
  /** Display amount, e.g. `$29.00`. */
  readonly total: string;
  /** The invoice's state. */
  readonly status: InvoiceStatus;
  /** What was billed, e.g. `Pro plan`. */
  readonly description: string;
  /** Start of the billed span (ISO 8601 UTC). */
  readonly periodStart: string;
  /** End of the billed span (ISO 8601 UTC). */
  readonly periodEnd: string;
  /** When it was issued (ISO 8601 UTC). */
  readonly createdAt: string;
}

interface WireInvoice {
  id: string;
  organization_id: string;
  subscription_id: string;
  plan_id: string;
  amount: number;
  currency: string;
  total: string;
  status: string;
  description: string;
  period_start: string;
  period_end: string;
  created_at: string;
}

/** Validates an invoice from the wire and converts it to {@link Invoice}. */
export const InvoiceSchema: v.GenericSchema<WireInvoice, Invoice> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      id: v.string(),
      organization_id: v.string(),
      subscription_id: v.string(),
      plan_id: v.string(),
      amount: MinorUnitsSchema,
      currency: v.string(),
      total: v.string(),
      status: v.string(),
      description: v.string(),
      period_start: v.string(),
      period_end: v.string(),
      created_at: v.string(),
    }),
    v.transform(
      (wire): Invoice => ({
        id: wire.id,
        organizationId: wire.organization_id,
        subscriptionId: wire.subscription_id,
        planId: wire.plan_id,
        amount: wire.amount,
        currency: wire.currency,
        total: wire.total,
        status: wire.status,
        description: wire.description,
        periodStart: wire.period_start,
        periodEnd: wire.period_end,
        createdAt: wire.created_at,
      }),
    ),
  ))();
