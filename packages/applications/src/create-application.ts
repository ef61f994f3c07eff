import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, requireSlug, requireText, resolveOrganizationId } from '@puguh/core/internal';
import { type Application, ApplicationSchema } from './schemas/application';

/**
 * Input of {@link createApplication}.
 *
 * @public
 */
export interface CreateApplicationInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** Display name. */
  readonly name: string;
  /** URL-friendly identifier, unique among the organization's applications. */
  readonly slug: string;
}

/**
 * Creates an application in an organization. Needs the `admin` or `owner` role there (or the
 * service key).
 *
 * Exported from `@puguh/applications`; `client.applications.create()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization, name and slug.
 * @param options Per-call options, such as an abort signal or an idempotency key.
 *
 * @returns The new application.
 *
 * @throws `TypeError` (nothing sent) for a missing `name`/`slug`, or no `orgId` and no
 *   organization context. {@link AuthError} (401); {@link PuguhError} with `forbidden` (403) for a
 *   plain member, `organization_not_found` (404), `slug_taken` (409), `invalid_request` (400);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const app = await createApplication(core, { orgId: 'org_123', name: 'My SaaS App', slug: 'my-saas-app' });
 * console.log(app.id); // app_…
 * ```
 *
 * @public
 */
export async function createApplication(
  core: PuguhCore,
  input: CreateApplicationInput,
  options?: RequestOptions,
): Promise<Application> {
  requireInput(input, 'orgId');
  const name = requireText('name', input?.name);
  const slug = requireSlug('slug', input?.slug);
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendRequest(
    core,
    {
      method: 'POST',
      path: apiPath`v1/organizations/${orgId}/applications`,
      body: { name, slug },
      schema: ApplicationSchema,
    },
    options,
  );
}
