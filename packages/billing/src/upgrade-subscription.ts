import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireId, requireInput, resolveOrganizationId } from '@puguh/core/internal';
import { type Subscription, SubscriptionSchema } from './schemas/subscription';

/**
 * Input of {@link upgradeSubscription}.
 *
 * @public
 */
export interface UpgradeSubscriptionInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** The new plan (`plan_…`). */
  readonly planId: string;
}

/**
 * Moves an organization's subscription to another plan, now. The rest of the current period is
 * invoiced (prorated; a credit, with a negative amount, when moving to a cheaper plan). Needs the
 * `admin` or `owner` role (or the service key).
 *
 * Exported from `@puguh/billing`; `client.billing.upgrade()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization and the new plan.
 * @param options Per-call options, such as an abort signal or an idempotency key.
 *
 * @returns The updated subscription.
 *
 * @throws `TypeError` (nothing sent) for a missing `planId`, or no `orgId` and no organization
 *   context. {@link AuthError} (401); {@link PuguhError} with `forbidden` (403),
 *   `subscription_not_found` / `plan_not_found` (404), `same_plan` (409); {@link RateLimitError},
 *   {@link NetworkError}.
 *
 * @example
 * ```ts
 * const subscription = await upgradeSubscription(core, { orgId: 'org_123', planId: 'plan_business' });
 * console.log(subscription.planName); // Business
 * ```
 *
 * @public
 */
export async function upgradeSubscription(
  core: PuguhCore,
  input: UpgradeSubscriptionInput,
  options?: RequestOptions,
): Promise<Subscription> {
  requireInput(input, 'orgId');
  const planId = requireId('planId', input?.planId);
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendRequest(
    core,
    {
      method: 'POST',
      path: apiPath`v1/organizations/${orgId}/subscription/upgrade`,
      body: { plan_id: planId },
      schema: SubscriptionSchema,
    },
    options,
  );
}
