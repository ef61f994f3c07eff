import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireId, requireInput, resolveOrganizationId } from '@puguh/core/internal';

/**
 * Input of {@link removeOrganizationMember}.
 *
 * @public
 */
export interface RemoveOrganizationMemberInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** The member's user id (`usr_…`). */
  readonly userId: string;
}

/**
 * Removes a member from an organization. Needs the `admin` or `owner` role; the last owner
 * cannot be removed.
 *
 * Exported from `@puguh/organizations`; `client.organizations.removeMember()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization (omit `orgId` to use the core's context) and the member.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns Nothing, once the membership is gone.
 *
 * @throws `TypeError` for a missing `userId`, or no `orgId` and no context (nothing is sent).
 *   {@link PuguhError} with code `forbidden` (403), `organization_not_found` /
 *   `member_not_found` (404), `last_owner` (409); {@link AuthError} on 401,
 *   {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * await removeOrganizationMember(core, { orgId: 'org_123', userId: 'usr_456' });
 * ```
 *
 * @public
 */
export async function removeOrganizationMember(
  core: PuguhCore,
  input: RemoveOrganizationMemberInput,
  options?: RequestOptions,
): Promise<void> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  const userId = requireId('userId', input.userId);
  return sendRequest(
    core,
    { method: 'DELETE', path: apiPath`v1/organizations/${orgId}/members/${userId}` },
    options,
  );
}
