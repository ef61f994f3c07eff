import type { PuguhCore } from '@puguh/core';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  inviteOrganizationMember,
  listOrganizationMembers,
  listOrganizations,
  removeOrganizationMember,
  updateOrganization,
  updateOrganizationMemberRole,
} from '@puguh/organizations';
import { type Bound, bindCore } from '../bind-core';

/**
 * `client.organizations`: each member is the standalone function of `@puguh/organizations`
 * named in its `@see`, bound to the client's core.
 *
 * @public
 */
export interface OrganizationsNamespace {
  /** @see {@link listOrganizations} */
  readonly list: Bound<typeof listOrganizations>;
  /** @see {@link createOrganization} */
  readonly create: Bound<typeof createOrganization>;
  /** @see {@link getOrganization} */
  readonly get: Bound<typeof getOrganization>;
  /** @see {@link updateOrganization} */
  readonly update: Bound<typeof updateOrganization>;
  /** @see {@link deleteOrganization} */
  readonly delete: Bound<typeof deleteOrganization>;
  /** @see {@link listOrganizationMembers} */
  readonly listMembers: Bound<typeof listOrganizationMembers>;
  /** @see {@link inviteOrganizationMember} */
  readonly inviteMember: Bound<typeof inviteOrganizationMember>;
  /** @see {@link updateOrganizationMemberRole} */
  readonly updateMemberRole: Bound<typeof updateOrganizationMemberRole>;
  /** @see {@link removeOrganizationMember} */
  readonly removeMember: Bound<typeof removeOrganizationMember>;
}

/** Builds `client.organizations` for `core`. */
export function createOrganizationsNamespace(core: PuguhCore): OrganizationsNamespace {
  return {
    list: bindCore(core, listOrganizations),
    create: bindCore(core, createOrganization),
    get: bindCore(core, getOrganization),
    update: bindCore(core, updateOrganization),
    delete: bindCore(core, deleteOrganization),
    listMembers: bindCore(core, listOrganizationMembers),
    inviteMember: bindCore(core, inviteOrganizationMember),
    updateMemberRole: bindCore(core, updateOrganizationMemberRole),
    removeMember: bindCore(core, removeOrganizationMember),
  };
}
