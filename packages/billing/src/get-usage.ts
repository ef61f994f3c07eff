import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveOrganizationId } from '@puguh/core/internal';
import { type Usage, UsageSchema } from './schemas/usage';

/**
 * Input of {@link getUsage}.
 *
 * @public
 */
export interface GetUsageInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Fetches an organization's usage in the current billing period, with the plan's limits. Any member
 * of the organization may read it.
 *
 * Exported from `@puguh/billing`; `client.billing.getUsage()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization; omit `orgId` to use the organization context.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The usage counters and their limits (`null`: unlimited).
 *
 * @throws `TypeError` (nothing sent) when there is no `orgId` and no organization context.
 *   {@link AuthError} (401); {@link PuguhError} with `organization_not_found` (404);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const usage = await getUsage(core, { orgId: 'org_123' });
 * console.log(`${usage.members.used} of ${usage.members.limit ?? 'unlimited'} seats`);
 * ```
 *
 * @public
 */
export async function getUsage(
  core: PuguhCore,
  input: GetUsageInput = {},
  options?: RequestOptions,
): Promise<Usage> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendRequest(
    core,
    { method: 'GET', path: apiPath`v1/organizations/${orgId}/usage`, schema: UsageSchema },
    options,
  );
}
