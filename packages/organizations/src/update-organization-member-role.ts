import { apiPath, type Member, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import {
  MemberSchema,
  requireId,
  requireInput,
  requireOneOf,
  resolveOrganizationId,
} from '@puguh/core/internal';
import { ORGANIZATION_ROLES, type OrganizationRole } from './schemas/member';

/**
 * Input of {@link updateOrganizationMemberRole}.
 *
 * @public
 */
export interface UpdateOrganizationMemberRoleInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** The member's user id (`usr_…`). */
  readonly userId: string;
  /** The new role. */
  readonly role: OrganizationRole;
}

/**
 * Changes a member's role. Needs the `admin` or `owner` role; an organization always keeps at
 * least one owner.
 *
 * Exported from `@puguh/organizations`; `client.organizations.updateMemberRole()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization (omit `orgId` to use the core's context), the member and the role.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The member with the new role.
 *
 * @throws `TypeError` for a missing `userId`, a role other than `owner`, `admin`, `member`, or
 *   no `orgId` and no context (nothing is sent). {@link PuguhError} with code `forbidden` (403),
 *   `organization_not_found` / `member_not_found` (404), `last_owner` (409) when it would demote
 *   the only owner; {@link AuthError} on 401, {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const member = await updateOrganizationMemberRole(core, { orgId: 'org_123', userId: 'usr_456', role: 'admin' });
 * ```
 *
 * @public
 */
export async function updateOrganizationMemberRole(
  core: PuguhCore,
  input: UpdateOrganizationMemberRoleInput,
  options?: RequestOptions,
): Promise<Member> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  const userId = requireId('userId', input.userId);
  const body = { role: requireOneOf('role', input.role, ORGANIZATION_ROLES) };
  return sendRequest(
    core,
    {
      method: 'PATCH',
      path: apiPath`v1/organizations/${orgId}/members/${userId}`,
      body,
      schema: MemberSchema,
    },
    options,
  );
}
