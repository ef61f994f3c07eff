export { type AddApplicationMemberInput, addApplicationMember } from './add-application-member';
export { type CreateApplicationInput, createApplication } from './create-application';
export { type DeleteApplicationInput, deleteApplication } from './delete-application';
export { type GetApplicationInput, getApplication } from './get-application';
export { type ListApplicationMembersInput, listApplicationMembers } from './list-application-members';
export { type ListApplicationsInput, listApplications } from './list-applications';
export type { Application } from './schemas/application';
export type { ApplicationRole, Member } from './schemas/member';
export { type UpdateApplicationInput, updateApplication } from './update-application';
