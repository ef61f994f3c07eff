import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveOrganizationId } from '@puguh/core/internal';
import { type Organization, OrganizationSchema } from './schemas/organization';

/**
 * Input of {@link getOrganization}.
 *
 * @public
 */
export interface GetOrganizationInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Fetches one organization the caller belongs to.
 *
 * Exported from `@puguh/organizations`; `client.organizations.get()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization; omit `orgId` to use the core's context.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The organization.
 *
 * @throws `TypeError` when there is no `orgId` and no context (nothing is sent).
 *   {@link PuguhError} with code `organization_not_found` (404) for an unknown organization or
 *   one the caller is not a member of; {@link AuthError} on 401, {@link RateLimitError} on 429,
 *   {@link NetworkError}.
 *
 * @example
 * ```ts
 * const org = await getOrganization(core, { orgId: 'org_123' });
 * console.log(org.name);
 * ```
 *
 * @public
 */
export async function getOrganization(
  core: PuguhCore,
  input: GetOrganizationInput = {},
  options?: RequestOptions,
): Promise<Organization> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  return sendRequest(
    core,
    { method: 'GET', path: apiPath`v1/organizations/${orgId}`, schema: OrganizationSchema },
    options,
  );
}
