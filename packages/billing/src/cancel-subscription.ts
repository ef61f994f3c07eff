import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveOrganizationId } from '@puguh/core/internal';
import { type Subscription, SubscriptionSchema } from './schemas/subscription';

/**
 * Input of {@link cancelSubscription}.
 *
 * @public
 */
export interface CancelSubscriptionInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Cancels an organization's subscription at the end of the current period: it stays `active`
 * (with `cancelAtPeriodEnd: true`) until `currentPeriodEnd`, then does not renew. Needs the
 * `admin` or `owner` role (or the service key).
 *
 * Exported from `@puguh/billing`; `client.billing.cancel()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization; omit `orgId` to use the organization context.
 * @param options Per-call options, such as an abort signal or an idempotency key.
 *
 * @returns The subscription, now set to end with its period.
 *
 * @throws `TypeError` (nothing sent) when there is no `orgId` and no organization context.
 *   {@link AuthError} (401); {@link PuguhError} with `forbidden` (403), `subscription_not_found`
 *   (404); {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const subscription = await cancelSubscription(core, { orgId: 'org_123' });
 * console.log(`Ends ${subscription.currentPeriodEnd}`);
 * ```
 *
 * @public
 */
export async function cancelSubscription(
  core: PuguhCore,
  input: CancelSubscriptionInput = {},
  options?: RequestOptions,
): Promise<Subscription> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendRequest(
    core,
    {
      method: 'POST',
      path: apiPath`v1/organizations/${orgId}/subscription/cancel`,
      schema: SubscriptionSchema,
    },
    options,
  );
}
