import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, requireSlug, requireText } from '@puguh/core/internal';
import { type Organization, OrganizationSchema } from './schemas/organization';

/**
 * Input of {@link createOrganization}.
 *
 * @public
 */
export interface CreateOrganizationInput {
  /** Display name, not blank. */
  readonly name: string;
  /** Unique handle: 2–64 lower-case letters and digits, single hyphens between them (`acme-corp`). */
  readonly slug: string;
}

/**
 * Creates an organization. A user who creates one becomes its `owner`.
 *
 * Exported from `@puguh/organizations`; `client.organizations.create()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The name and slug.
 * @param options Per-call options; `idempotencyKey` makes a retried creation safe across processes.
 *
 * @returns The new organization.
 *
 * @throws `TypeError` for a blank name or a slug that breaks the rule (nothing is sent).
 *   {@link PuguhError} with code `slug_taken` (409) when the slug is in use; {@link AuthError}
 *   on 401, {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const org = await createOrganization(core, { name: 'Acme Corp', slug: 'acme-corp' });
 * setOrganizationContext(core, org.id);
 * ```
 *
 * @public
 */
export async function createOrganization(
  core: PuguhCore,
  input: CreateOrganizationInput,
  options?: RequestOptions,
): Promise<Organization> {
  requireInput(input, 'name');
  const body = { name: requireText('name', input?.name), slug: requireSlug('slug', input?.slug) };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/organizations', body, schema: OrganizationSchema },
    options,
  );
}
