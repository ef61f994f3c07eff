import {
  addApplicationMember,
  createApplication,
  deleteApplication,
  getApplication,
  listApplicationMembers,
  listApplications,
  updateApplication,
} from '@puguh/applications';
import type { PuguhCore } from '@puguh/core';
import { type Bound, bindCore } from '../bind-core';

/**
 * `client.applications`: each member is the standalone function of `@puguh/applications` named
 * in its `@see`, bound to the client's core.
 *
 * @public
 */
export interface ApplicationsNamespace {
  /** @see {@link listApplications} */
  readonly list: Bound<typeof listApplications>;
  /** @see {@link createApplication} */
  readonly create: Bound<typeof createApplication>;
  /** @see {@link getApplication} */
  readonly get: Bound<typeof getApplication>;
  /** @see {@link updateApplication} */
  readonly update: Bound<typeof updateApplication>;
  /** @see {@link deleteApplication} */
  readonly delete: Bound<typeof deleteApplication>;
  /** @see {@link listApplicationMembers} */
  readonly listMembers: Bound<typeof listApplicationMembers>;
  /** @see {@link addApplicationMember} */
  readonly addMember: Bound<typeof addApplicationMember>;
}

/** Builds `client.applications` for `core`. */
export function createApplicationsNamespace(core: PuguhCore): ApplicationsNamespace {
  return {
    list: bindCore(core, listApplications),
    create: bindCore(core, createApplication),
    get: bindCore(core, getApplication),
    update: bindCore(core, updateApplication),
    delete: bindCore(core, deleteApplication),
    listMembers: bindCore(core, listApplicationMembers),
    addMember: bindCore(core, addApplicationMember),
  };
}
