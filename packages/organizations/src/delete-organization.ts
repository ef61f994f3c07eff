import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveOrganizationId } from '@puguh/core/internal';

/**
 * Input of {@link deleteOrganization}.
 *
 * @public
 */
export interface DeleteOrganizationInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Deletes an organization with everything in it. Only an `owner` may.
 *
 * Exported from `@puguh/organizations`; `client.organizations.delete()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization; omit `orgId` to use the core's context.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns Nothing, once the organization is gone.
 *
 * @throws `TypeError` when there is no `orgId` and no context (nothing is sent).
 *   {@link PuguhError} with code `forbidden` (403) for an `admin` or `member`,
 *   `organization_not_found` (404) for a non-member; {@link AuthError} on 401,
 *   {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * await deleteOrganization(core, { orgId: 'org_123' });
 * ```
 *
 * @public
 */
export async function deleteOrganization(
  core: PuguhCore,
  input: DeleteOrganizationInput = {},
  options?: RequestOptions,
): Promise<void> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  return sendRequest(core, { method: 'DELETE', path: apiPath`v1/organizations/${orgId}` }, options);
}
