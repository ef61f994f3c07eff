import * as v from 'valibot';

/**
 * A role the caller can give an application member. Closed: it is checked before the request.
 *
 * @example
 * ```ts
 * const role: ApplicationRole = 'admin';
 * await addApplicationMember(core, { appId, userId, role });
 * ```
 *
 * @public
 */
export type ApplicationRole = 'owner' | 'admin' | 'member';

/** The roles accepted by `requireOneOf`, in the order error messages list them. */
export const APPLICATION_ROLES: readonly ApplicationRole[] = ['owner', 'admin', 'member'];

/**
 * A member of an application.
 *
 * @example
 * ```ts
 * for await (const member of listApplicationMembers(core, { appId })) console.log(member.email, member.role);
 * ```
 *
 * @public
 */
export interface Member {
  /** User id (`usr_…`). */
  readonly userId: string;
  /** The member's e-mail address. */
  readonly email: string;
  /** The member's full name. */
  readonly fullName: string;
  /** The member's role; open, because a newer API may add roles an older SDK must still read. */
  readonly role: ApplicationRole | (string & {});
  /** When the user joined (ISO 8601 UTC). */
  readonly joinedAt: string;
}

interface WireMember {
  user_id: string;
  email: string;
  full_name: string;
  role: string;
  joined_at: string;
}

/** Validates a member from the wire and converts it to {@link Member}. */
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
