import type { Hono } from 'hono';
import * as v from 'valibot';
import { authenticate, organizationAccess, outranks } from '../access';
import { ApiError } from '../errors';
import { paginate } from '../pagination';
import { type AppEnv, iso, type ServerState } from '../state';
import type { InvitationRecord, MembershipRecord, UserRecord } from '../store';
import { emailField, readBody, roleField } from '../validation';
import { invitationWire, memberWire } from '../wire';

/** Invitations stay valid for a week. */
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Registers the organization member routes: list, invite, change role and remove.
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * memberRoutes(app, state);
 * ```
 *
 * @internal
 */
export function memberRoutes(app: Hono<AppEnv>, state: ServerState): void {
  const { store } = state;

  app.get('/v1/organizations/:org_id/members', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'member',
    );
    const members = [...(store.memberships.get(organization.id)?.values() ?? [])].sort(
      (a, b) => a.seq - b.seq,
    );
    const page = paginate(c, members, { kind: 'members', seqOf: (member) => member.seq, order: 'asc' });
    return c.json({
      ...page,
      data: page.data.map((member) => memberWire(member, store.users.get(member.userId)!)),
    });
  });

  app.post('/v1/organizations/:org_id/invitations', async (c) => {
    const access = organizationAccess(state, await authenticate(c, state), c.req.param('org_id'), 'admin');
    const body = readBody(c, v.object({ email: emailField, role: roleField }));
    if (!outranks(access.role, body.role)) {
      throw new ApiError(403, 'forbidden', `Your role (${access.role}) cannot grant the ${body.role} role.`);
    }
    const organizationId = access.organization.id;
    const members = store.memberships.get(organizationId)!;
    const now = state.now();
    const userId = store.userIdsByEmail.get(body.email);
    if (userId !== undefined && members.has(userId)) {
      throw new ApiError(409, 'already_member', `${body.email} is already a member of this organization.`);
    }
    if (userId !== undefined) {
      members.set(userId, { userId, role: body.role, joinedAt: now, seq: store.nextSeq() });
      const invitation = recordInvitation(state, organizationId, body.email, body.role, 'accepted');
      return c.json(invitationWire(invitation), 201);
    }
    // One pending invitation per email and organization: inviting again renews it.
    const existing = [...store.invitations.values()].find(
      (invitation) =>
        invitation.organizationId === organizationId &&
        invitation.email === body.email &&
        invitation.status === 'pending',
    );
    const invitation = existing ?? recordInvitation(state, organizationId, body.email, body.role, 'pending');
    invitation.role = body.role;
    invitation.expiresAt = now + INVITATION_TTL_MS;
    const token = state.random.secretToken('invite');
    state.outbox.send({
      to: body.email,
      kind: 'invitation',
      token,
      link: `${new URL(c.req.url).origin}/invitations?token=${encodeURIComponent(token)}`,
      sentAt: iso(now),
    });
    return c.json(invitationWire(invitation), 201);
  });

  app.patch('/v1/organizations/:org_id/members/:user_id', async (c) => {
    const access = organizationAccess(state, await authenticate(c, state), c.req.param('org_id'), 'admin');
    const body = readBody(c, v.object({ role: roleField }));
    const { membership, user } = findMember(state, access.organization.id, c.req.param('user_id'));
    if (!outranks(access.role, membership.role) || !outranks(access.role, body.role)) {
      throw new ApiError(
        403,
        'forbidden',
        `Your role (${access.role}) cannot change a ${membership.role} into a ${body.role}.`,
      );
    }
    if (
      membership.role === 'owner' &&
      body.role !== 'owner' &&
      ownerCount(state, access.organization.id) === 1
    ) {
      throw new ApiError(
        409,
        'last_owner',
        'The last owner cannot be demoted; make another member owner first.',
      );
    }
    membership.role = body.role;
    return c.json(memberWire(membership, user));
  });

  app.delete('/v1/organizations/:org_id/members/:user_id', async (c) => {
    const access = organizationAccess(state, await authenticate(c, state), c.req.param('org_id'), 'admin');
    const organizationId = access.organization.id;
    const { membership } = findMember(state, organizationId, c.req.param('user_id'));
    if (!outranks(access.role, membership.role)) {
      throw new ApiError(403, 'forbidden', `Your role (${access.role}) cannot remove a ${membership.role}.`);
    }
    if (membership.role === 'owner' && ownerCount(state, organizationId) === 1) {
      throw new ApiError(
        409,
        'last_owner',
        'The last owner cannot be removed; make another member owner first.',
      );
    }
    store.memberships.get(organizationId)!.delete(membership.userId);
    // Application membership requires organization membership, so it goes too.
    for (const application of store.applications.values()) {
      if (application.organizationId === organizationId)
        store.applicationMembers.get(application.id)?.delete(membership.userId);
    }
    return c.body(null, 204);
  });
}

function recordInvitation(
  state: ServerState,
  organizationId: string,
  email: string,
  role: InvitationRecord['role'],
  status: InvitationRecord['status'],
): InvitationRecord {
  const now = state.now();
  const invitation: InvitationRecord = {
    id: state.random.id('inv'),
    organizationId,
    email,
    role,
    status,
    expiresAt: now + INVITATION_TTL_MS,
    createdAt: now,
  };
  state.store.invitations.set(invitation.id, invitation);
  return invitation;
}

function findMember(
  state: ServerState,
  organizationId: string,
  userId: string,
): { readonly membership: MembershipRecord; readonly user: UserRecord } {
  const membership = state.store.memberships.get(organizationId)?.get(userId);
  const user = state.store.users.get(userId);
  if (membership === undefined || user === undefined) {
    throw new ApiError(404, 'member_not_found', `User ${userId} is not a member of this organization.`);
  }
  return { membership, user };
}

function ownerCount(state: ServerState, organizationId: string): number {
  let owners = 0;
  for (const membership of state.store.memberships.get(organizationId)?.values() ?? []) {
    if (membership.role === 'owner') owners++;
  }
  return owners;
}
