import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireId, requireInput, resolveOrganizationId } from '@puguh/core/internal';
import { type Subscription, SubscriptionSchema } from './schemas/subscription';

/**
 * Input of {@link createSubscription}.
 *
 * @public
 */
export interface CreateSubscriptionInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** The plan to subscribe to (`plan_…`). */
  readonly planId: string;
}

/**
 * Subscribes an organization to a plan. The subscription starts `active` and the first period is
 * invoiced at once. Needs the `admin` or `owner` role (or the service key).
 *
 * Exported from `@puguh/billing`; `client.billing.createSubscription()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization and the plan.
 * @param options Per-call options, such as an abort signal or an idempotency key.
 *
 * @returns The new subscription.
 *
 * @throws `TypeError` (nothing sent) for a missing `planId`, or no `orgId` and no organization
 *   context. {@link AuthError} (401); {@link PuguhError} with `forbidden` (403),
 *   `organization_not_found` / `plan_not_found` (404), `subscription_exists` (409; use
 *   {@link upgradeSubscription} to change plans); {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const subscription = await createSubscription(core, { orgId: 'org_123', planId: 'plan_pro' });
 * console.log(subscription.status); // active
 * ```
 *
 * @public
 */
export async function createSubscription(
  core: PuguhCore,
  input: CreateSubscriptionInput,
  options?: RequestOptions,
): Promise<Subscription> {
  requireInput(input, 'orgId');
  const planId = requireId('planId', input?.planId);
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendRequest(
    core,
    {
      method: 'POST',
      path: apiPath`v1/organizations/${orgId}/subscription`,
      body: { plan_id: planId },
      schema: SubscriptionSchema,
    },
    options,
  );
}
