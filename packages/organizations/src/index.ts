export type { Member } from '@puguh/core';
export { type CreateOrganizationInput, createOrganization } from './create-organization';
export { type DeleteOrganizationInput, deleteOrganization } from './delete-organization';
export { type GetOrganizationInput, getOrganization } from './get-organization';
export { type InviteOrganizationMemberInput, inviteOrganizationMember } from './invite-organization-member';
export { type ListOrganizationMembersInput, listOrganizationMembers } from './list-organization-members';
export { type ListOrganizationsInput, listOrganizations } from './list-organizations';
export { type RemoveOrganizationMemberInput, removeOrganizationMember } from './remove-organization-member';
export type { Invitation, InvitationStatus } from './schemas/invitation';
export type { OrganizationRole } from './schemas/member';
export type { Organization } from './schemas/organization';
export { type UpdateOrganizationInput, updateOrganization } from './update-organization';
export {
  type UpdateOrganizationMemberRoleInput,
  updateOrganizationMemberRole,
} from './update-organization-member-role';
