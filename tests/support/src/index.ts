export { addOrganizationMember, createOrganization, ISO_TIMESTAMP, UUID, uniqueSlug } from './fixtures';
export { type LocalApi, type SignedUpUser, startLocalApi, useLocalApi } from './local-api';
export { LoginAnswer, RegisteredUser } from './wire';
