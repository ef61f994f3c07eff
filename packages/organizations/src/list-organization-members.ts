import {
  apiPath,
  type Member,
  type PageParameters,
  type PageRequest,
  type PuguhCore,
  type RequestOptions,
} from '@puguh/core';
import { MemberSchema, requireInput, resolveOrganizationId, sendPageRequest } from '@puguh/core/internal';

/**
 * Input of {@link listOrganizationMembers}.
 *
 * @public
 */
export interface ListOrganizationMembersInput extends PageParameters {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Lists the members of an organization with their roles.
 *
 * The result is awaitable and iterable: `await` it for the first page (a real array with
 * `hasMore` and `nextCursor`), or `for await` over the call itself to get every member of
 * every page.
 *
 * Exported from `@puguh/organizations`; `client.organizations.listMembers()` on `PuguhClient`.
 *
 * @param core The core that sends the requests.
 * @param input The organization (omit `orgId` to use the core's context), `limit` and `cursor`.
 * @param options Per-call options, applied to every page request.
 *
 * @returns The first page, also async-iterable over all pages.
 *
 * @throws `TypeError` (synchronously, nothing sent) when there is no `orgId` and no context, or
 *   for a bad `limit` or cursor. When awaited or iterated: {@link PuguhError} with code
 *   `organization_not_found` (404) for a non-member; {@link AuthError} on 401,
 *   {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * setOrganizationContext(core, 'org_123');
 * for await (const member of listOrganizationMembers(core)) console.log(member.email, member.role);
 * ```
 *
 * @public
 */
export function listOrganizationMembers(
  core: PuguhCore,
  input: ListOrganizationMembersInput = {},
  options?: RequestOptions,
): PageRequest<Member> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  return sendPageRequest(
    core,
    apiPath`v1/organizations/${orgId}/members`,
    MemberSchema,
    { limit: input?.limit, cursor: input?.cursor },
    options,
  );
}
