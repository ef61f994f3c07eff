import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveOrganizationId } from '@puguh/core/internal';
import { OptionalSubscriptionSchema, type Subscription } from './schemas/subscription';

/**
 * Input of {@link getSubscription}.
 *
 * @public
 */
export interface GetSubscriptionInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Fetches an organization's subscription. Any member of the organization may read it.
 *
 * Exported from `@puguh/billing`; `client.billing.getSubscription()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization; omit `orgId` to use the organization context.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The subscription, or `null` when the organization has never subscribed.
 *
 * @throws `TypeError` (nothing sent) when there is no `orgId` and no organization context.
 *   {@link AuthError} (401); {@link PuguhError} with `organization_not_found` (404);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const subscription = await getSubscription(core, { orgId: 'org_123' });
 * console.log(subscription ? `Plan: ${subscription.planName}` : 'No subscription');
 * ```
 *
 * @public
 */
export async function getSubscription(
  core: PuguhCore,
  input: GetSubscriptionInput = {},
  options?: RequestOptions,
): Promise<Subscription | null> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendRequest(
    core,
    {
      method: 'GET',
      path: apiPath`v1/organizations/${orgId}/subscription`,
      schema: OptionalSubscriptionSchema,
    },
    options,
  );
}
