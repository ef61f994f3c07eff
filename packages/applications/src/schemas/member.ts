import type { MemberRole } from '@puguh/core';
import { MEMBER_ROLES } from '@puguh/core/internal';

// `Member` and its schema live in @puguh/core: organizations return the same shape.

/**
 * A role the caller can give an application member. Closed: it is checked before the request.
 *
 * @public
 */
export type ApplicationRole = MemberRole;

/** The roles accepted by `requireOneOf`, in the order error messages list them. */
export const APPLICATION_ROLES: readonly ApplicationRole[] = MEMBER_ROLES;
