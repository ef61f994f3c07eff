import {
  apiPath,
  type PageParameters,
  type PageRequest,
  type PuguhCore,
  type RequestOptions,
} from '@puguh/core';
import { requireInput, resolveOrganizationId, sendPageRequest } from '@puguh/core/internal';
import { type Application, ApplicationSchema } from './schemas/application';

/**
 * Input of {@link listApplications}.
 *
 * @public
 */
export interface ListApplicationsInput extends PageParameters {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Lists the applications of an organization. Awaiting the result gives the first page; `for await`
 * over it yields every application of every page.
 *
 * Exported from `@puguh/applications`; `client.applications.list()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization and pagination (`limit` 1–100, `cursor`).
 * @param options Per-call options, applied to every page request.
 *
 * @returns The first page, iterable over every page.
 *
 * @throws `TypeError` (synchronously, nothing sent) when there is no `orgId` and no organization
 *   context, or for a bad `limit`/`cursor`. When awaited or iterated: {@link AuthError} (401),
 *   {@link PuguhError} with `organization_not_found` (404) or `invalid_cursor` (400),
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const firstPage = await listApplications(core, { orgId: 'org_123', limit: 10 });
 * for await (const app of listApplications(core, { orgId: 'org_123' })) console.log(app.slug);
 * ```
 *
 * @public
 */
export function listApplications(
  core: PuguhCore,
  input: ListApplicationsInput = {},
  options?: RequestOptions,
): PageRequest<Application> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendPageRequest(
    core,
    apiPath`v1/organizations/${orgId}/applications`,
    ApplicationSchema,
    { limit: input.limit, cursor: input.cursor },
    options,
  );
}
