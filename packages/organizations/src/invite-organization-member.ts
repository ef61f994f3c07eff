import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireEmail, requireInput, requireOneOf, resolveOrganizationId } from '@puguh/core/internal';
import { type Invitation, InvitationSchema } from './schemas/invitation';
import { ORGANIZATION_ROLES, type OrganizationRole } from './schemas/member';

/**
 * Input of {@link inviteOrganizationMember}.
 *
 * @public
 */
export interface InviteOrganizationMemberInput {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
  /** The e-mail address to invite. */
  readonly email: string;
  /** The role the invitee gets. */
  readonly role: OrganizationRole;
}

/**
 * Invites someone to an organization by e-mail. Needs the `admin` or `owner` role.
 *
 * When the address already belongs to a user, they become a member at once and the invitation
 * comes back `accepted`; otherwise it is `pending`, an e-mail is sent, and the membership starts
 * when that address registers.
 *
 * Exported from `@puguh/organizations`; `client.organizations.inviteMember()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization (omit `orgId` to use the core's context), e-mail and role.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The invitation.
 *
 * @throws `TypeError` for an address that is not an e-mail, a role other than `owner`, `admin`,
 *   `member`, or no `orgId` and no context (nothing is sent). {@link PuguhError} with code
 *   `forbidden` (403) for a plain `member`, `organization_not_found` (404),
 *   `already_member` (409); {@link AuthError} on 401, {@link RateLimitError} on 429, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const invitation = await inviteOrganizationMember(core, {
 *   orgId: 'org_123',
 *   email: 'colleague@example.com',
 *   role: 'member',
 * });
 * console.log(invitation.status); // 'accepted' for an existing user, else 'pending'
 * ```
 *
 * @public
 */
export async function inviteOrganizationMember(
  core: PuguhCore,
  input: InviteOrganizationMemberInput,
  options?: RequestOptions,
): Promise<Invitation> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input?.orgId);
  const body = {
    email: requireEmail('email', input.email),
    role: requireOneOf('role', input.role, ORGANIZATION_ROLES),
  };
  return sendRequest(
    core,
    { method: 'POST', path: apiPath`v1/organizations/${orgId}/invitations`, body, schema: InvitationSchema },
    options,
  );
}
