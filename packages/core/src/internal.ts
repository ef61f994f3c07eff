/**
 * `@puguh/core/internal`: what the PUGUH domain packages share — input checks, shared schemas, id
 * resolvers, endpoint helpers, role lists. It is published for them, not for applications, and is
 * not part of the documented API. Because the domain packages accept any 0.x core as a peer
 * (docs/decisions/0006-versioning.md), this entry only grows before 1.0: a release may add an
 * export, never remove or change one, so a domain package works with every later 0.x core.
 * Applications use `@puguh/core`.
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
