import { WholeNumberSchema } from '@puguh/core/internal';
import * as v from 'valibot';

/**
 * One usage counter against its plan limit.
 *
 * @public
 */
export interface UsageMetric {
  /** How much was used in the current period (a whole number). */
  readonly used: number;
  /** The plan's limit; `null` means unlimited (or no plan limit applies). */
  readonly limit: number | null;
}

/**
 * An organization's usage in the current billing period, with its plan's limits.
 *
 * @public
 */
export interface Usage {
  /** The organization (`org_…`). */
  readonly organizationId: string;
  /** The plan whose limits apply; `null` without a subscription. */
  readonly planId: string | null;
  /** Start of the counted period (ISO 8601 UTC). */
  readonly periodStart: string;
  /** End of the counted period (ISO 8601 UTC). */
  readonly periodEnd: string;
  /** API calls made in the period. */
  readonly apiCalls: UsageMetric;
  /** Members of the organization. */
  readonly members: UsageMetric;
  /** Applications of the organization. */
  readonly applications: UsageMetric;
}

interface WireMetric {
  used: number;
  limit: number | null;
}

interface WireUsage {
  organization_id: string;
  plan_id: string | null;
  period_start: string;
  period_end: string;
  metrics: { api_calls: WireMetric; members: WireMetric; applications: WireMetric };
}

const MetricSchema = /* @__PURE__ */ (() =>
  v.object({ used: WholeNumberSchema, limit: v.nullable(WholeNumberSchema) }))();

/**
 * Validates usage from the wire and converts it to {@link Usage}; the counters move out of the
 * wire's `metrics` object so that `usage.apiCalls.used` reads as directly as the other fields.
 */
export const UsageSchema: v.GenericSchema<WireUsage, Usage> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      organization_id: v.string(),
      plan_id: v.nullable(v.string()),
      period_start: v.string(),
      period_end: v.string(),
      metrics: v.object({ api_calls: MetricSchema, members: MetricSchema, applications: MetricSchema }),
    }),
    v.transform(
      (wire): Usage => ({
        organizationId: wire.organization_id,
        planId: wire.plan_id,
        periodStart: wire.period_start,
        periodEnd: wire.period_end,
        apiCalls: wire.metrics.api_calls,
        members: wire.metrics.members,
        applications: wire.metrics.applications,
      }),
    ),
  ))();
