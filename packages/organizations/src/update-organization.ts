import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, requireSlug, requireText, resolveOrganizationId } from '@puguh/core/internal';
import { type Organization, OrganizationSchema } from './schemas/organization';

/**
 * Input of {@link updateOrganization}: the organization and at least one field to change.
 *
 * @public
 */
export interface UpdateOrganizationInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** The new display name, not blank. */
  readonly name?: string | undefined;
  /** The new slug: 2–64 lower-case letters and digits, single hyphens between them. */
  readonly slug?: string | undefined;
}

/**
 * Renames an organization or changes its slug. Needs the `admin` or `owner` role.
 *
 * Exported from `@puguh/organizations`; `client.organizations.update()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization and the fields to change; fields left out keep their value.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The updated organization.
 *
 * @throws `TypeError` when neither `name` nor `slug` is given, for a blank name or a bad slug,
 *   or when there is no `orgId` and no context (nothing is sent). {@link PuguhError} with code
 *   `forbidden` (403) for a plain `member`, `organization_not_found` (404) for a non-member,
 *   `slug_taken` (409); {@link AuthError} on 401, {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const org = await updateOrganization(core, { orgId: 'org_123', name: 'Acme Corporation' });
 * ```
 *
 * @public
 */
export async function updateOrganization(
  core: PuguhCore,
  input: UpdateOrganizationInput,
  options?: RequestOptions,
): Promise<Organization> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  const { name, slug } = input;
  if (name === undefined && slug === undefined) {
    throw new TypeError('updateOrganization needs at least one of name or slug');
  }
  const body: { name?: string; slug?: string } = {};
  if (name !== undefined) body.name = requireText('name', name);
  if (slug !== undefined) body.slug = requireSlug('slug', slug);
  return sendRequest(
    core,
    { method: 'PATCH', path: apiPath`v1/organizations/${orgId}`, body, schema: OrganizationSchema },
    options,
  );
}
