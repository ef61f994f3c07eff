import * as v from 'valibot';
import type { OrganizationRole } from './member';

/**
 * Where an invitation stands: `accepted` when the e-mail already belonged to a user (who is a
 * member at once), `pending` until that e-mail registers. Open, because a newer API may add
 * states an older SDK must still read.
 *
 * @public
 */
export type InvitationStatus = 'pending' | 'accepted' | (string & {});

/**
 * An invitation to join an organization.
 *
 * @public
 */
export interface Invitation {
  /** Opaque invitation id (`inv_…`). */
  readonly id: string;
  /** The organization the invitation is for (`org_…`). */
  readonly organizationId: string;
  /** The invited e-mail address. */
  readonly email: string;
  /** The role the invitee gets; open, as roles read from the server are. */
  readonly role: OrganizationRole | (string & {});
  /** `pending` or `accepted`. */
  readonly status: InvitationStatus;
  /** When a pending invitation lapses (ISO 8601, kept as a string). */
  readonly expiresAt: string;
  /** When it was created (ISO 8601). */
  readonly createdAt: string;
}

interface WireInvitation {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  status: string;
  expires_at: string;
  created_at: string;
}

/** Validates an invitation from the wire and converts it to {@link Invitation}. */
export const InvitationSchema: v.GenericSchema<WireInvitation, Invitation> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      id: v.string(),
      organization_id: v.string(),
      email: v.string(),
      role: v.string(),
      status: v.string(),
      expires_at: v.string(),
      created_at: v.string(),
    }),
    v.transform(
      (wire): Invitation => ({
        id: wire.id,
        organizationId: wire.organization_id,
        email: wire.email,
        role: wire.role,
        status: wire.status,
        expiresAt: wire.expires_at,
        createdAt: wire.created_at,
      }),
    ),
  ))();
