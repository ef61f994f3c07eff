/**
 * `@puguh/core/internal`: what the PUGUH domain packages share — input checks, shared schemas, id
 * resolvers, endpoint helpers, role lists. It is published for them, not for applications: it
 * follows the SDK's versions (every PUGUH package pins the same minor of core) but is not part of
 * the documented API, and may change in any minor release. Applications use `@puguh/core`.
 *
 * @packageDocumentation
 */
export { getCoreEndpoint } from './core-fetch';
export { callSafely } from './internal/call-safely';
export { MEMBER_ROLES, MemberSchema } from './member';
export { pageSchema, sendPageRequest } from './page';
export {
  requireEmail,
  requireId,
  requireInput,
  requireOneOf,
  requireSlug,
  requireText,
} from './require-input';
export { resolveApplicationId, resolveOrganizationId, useClientHints } from './resolve-ids';
export { MinorUnitsSchema, WholeNumberSchema } from './whole-number';
