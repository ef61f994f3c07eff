import * as v from 'valibot';

/**
 * A role a caller can give in an organization or an application: `owner` > `admin` > `member`.
 * Closed, and checked before the request, so a typo fails at once instead of at the server.
 *
 * @public
 */
export type MemberRole = 'owner' | 'admin' | 'member';

/**
 * Every {@link MemberRole}, for input checks (`requireOneOf('role', input.role, MEMBER_ROLES)`).
 *
 * @example
 * ```ts
 * const role = requireOneOf('role', input?.role, MEMBER_ROLES);
 * ```
 *
 * @public
 */
export const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'admin', 'member'];

/**
 * A member of an organization or of an application: both lists, role changes and
 * `addApplicationMember` return this shape. It lives in core because two domain packages share it.
 *
 * @public
 */
export interface Member {
  /** The member's user id (`usr_…`). */
  readonly userId: string;
  /** The member's login e-mail address. */
  readonly email: string;
  /** The member's display name. */
  readonly fullName: string;
  /** The member's role; open, because a newer API may add roles an older SDK must still read. */
  readonly role: MemberRole | (string & {});
  /** When the user joined (ISO 8601, kept as a string). */
  readonly joinedAt: string;
}

interface WireMember {
  user_id: string;
  email: string;
  full_name: string;
  role: string;
  joined_at: string;
}

/**
 * Validates a member from the wire and converts it to {@link Member}.
 *
 * @example
 * ```ts
 * const members = sendPageRequest(core, apiPath`v1/organizations/${orgId}/members`, MemberSchema);
 * ```
 *
 * @public
 */
export const MemberSchema: v.GenericSchema<WireMember, Member> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      user_id: v.string(),
      email: v.string(),
      full_name: v.string(),
      role: v.string(),
      joined_at: v.string(),
    }),
    v.transform(
      (wire): Member => ({
        userId: wire.user_id,
        email: wire.email,
        fullName: wire.full_name,
        role: wire.role,
        joinedAt: wire.joined_at,
      }),
    ),
  ))();
