import * as v from 'valibot';

/**
 * Who an access token belongs to, as the API sees it. Returned by `validateToken`.
 *
 * @public
 */
export interface UserContext {
  /** Opaque user id (`usr_…`). */
  readonly userId: string;
  /** The user's e-mail address. */
  readonly email: string;
  /** Display name. */
  readonly fullName: string;
  /** Roles the token grants: `user`, plus the organization role when the token is scoped to one. */
  readonly roles: readonly string[];
  /** The organization the token is scoped to; absent when it is not scoped to one. */
  readonly organizationId?: string;
  /** When the token expires (ISO 8601). */
  readonly expiresAt: string;
}

interface WireUserContext {
  user_id: string;
  email: string;
  full_name: string;
  roles: string[];
  organization_id?: string | null | undefined;
  expires_at: string;
}

/** Validates a user context from the wire and converts it to {@link UserContext}. */
export const UserContextSchema: v.GenericSchema<WireUserContext, UserContext> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      user_id: v.string(),
      email: v.string(),
      full_name: v.string(),
      roles: v.array(v.string()),
      // The contract sends `null` when unscoped; a missing field is read the same way.
      organization_id: v.nullish(v.string()),
      expires_at: v.string(),
    }),
    v.transform(
      (wire): UserContext => ({
        userId: wire.user_id,
        email: wire.email,
        fullName: wire.full_name,
        roles: wire.roles,
        // With exactOptionalPropertyTypes the key is left out rather than set to undefined.
        ...(wire.organization_id == null ? {} : { organizationId: wire.organization_id }),
        expiresAt: wire.expires_at,
      }),
    ),
  ))();
