import type { MemberRole } from '@puguh/core';
import { MEMBER_ROLES } from '@puguh/core/internal';

// `Member` and its schema live in @puguh/core: applications return the same shape.

/**
 * A role the caller can give in an organization: `owner` > `admin` > `member`. Closed, and
 * checked before the request, so a typo fails at once instead of at the server.
 *
 * @public
 */
export type OrganizationRole = MemberRole;

/** The roles accepted from callers, for `requireOneOf`. */
export const ORGANIZATION_ROLES: readonly OrganizationRole[] = MEMBER_ROLES;
