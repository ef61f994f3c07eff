import type { Hono } from 'hono';
import * as v from 'valibot';
import { authenticate, organizationAccess } from '../access';
import { ApiError } from '../errors';
import { paginate } from '../pagination';
import type { AppEnv, ServerState } from '../state';
import type { OrganizationRecord } from '../store';
import { nameField, readBody, slugField } from '../validation';
import { organizationWire } from '../wire';

/**
 * Registers the organization routes: list, create, get, update and delete.
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * organizationRoutes(app, state);
 * ```
 *
 * @internal
 */
export function organizationRoutes(app: Hono<AppEnv>, state: ServerState): void {
  const { store } = state;

  app.get('/v1/organizations', async (c) => {
    const caller = await authenticate(c, state);
    const visible = [...store.organizations.values()].filter(
      (organization) =>
        caller.kind === 'service' || store.memberships.get(organization.id)?.has(caller.user.id),
    );
    const page = paginate(c, visible, {
      kind: 'organizations',
      seqOf: (organization) => organization.seq,
      order: 'asc',
    });
    return c.json({ ...page, data: page.data.map(organizationWire) });
  });

  app.post('/v1/organizations', async (c) => {
    const caller = await authenticate(c, state);
    const body = readBody(c, v.object({ name: nameField, slug: slugField }));
    assertSlugFree(state, body.slug, undefined);
    const now = state.now();
    const organization: OrganizationRecord = {
      id: state.random.id('org'),
      name: body.name,
      slug: body.slug,
      createdAt: now,
      updatedAt: now,
      seq: store.nextSeq(),
    };
    store.organizations.set(organization.id, organization);
    const members = new Map();
    if (caller.kind === 'user') {
      members.set(caller.user.id, {
        userId: caller.user.id,
        role: 'owner',
        joinedAt: now,
        seq: store.nextSeq(),
      });
    }
    store.memberships.set(organization.id, members);
    return c.json(organizationWire(organization), 201);
  });

  app.get('/v1/organizations/:org_id', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'member',
    );
    return c.json(organizationWire(organization));
  });

  app.patch('/v1/organizations/:org_id', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'admin',
    );
    const body = readBody(c, v.object({ name: v.optional(nameField), slug: v.optional(slugField) }));
    if (body.slug !== undefined) assertSlugFree(state, body.slug, organization.id);
    if (body.name !== undefined) organization.name = body.name;
    if (body.slug !== undefined) organization.slug = body.slug;
    organization.updatedAt = state.now();
    return c.json(organizationWire(organization));
  });

  app.delete('/v1/organizations/:org_id', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'owner',
    );
    for (const application of [...store.applications.values()]) {
      if (application.organizationId !== organization.id) continue;
      store.applications.delete(application.id);
      store.applicationMembers.delete(application.id);
    }
    for (const invitation of [...store.invitations.values()]) {
      if (invitation.organizationId === organization.id) store.invitations.delete(invitation.id);
    }
    store.organizations.delete(organization.id);
    store.memberships.delete(organization.id);
    store.subscriptions.delete(organization.id);
    store.invoices.delete(organization.id);
    store.apiCalls.delete(organization.id);
    return c.body(null, 204);
  });
}

function assertSlugFree(state: ServerState, slug: string, ownId: string | undefined): void {
  for (const organization of state.store.organizations.values()) {
    if (organization.slug === slug && organization.id !== ownId) {
      throw new ApiError(409, 'slug_taken', `The organization slug "${slug}" is already taken.`);
    }
  }
}
