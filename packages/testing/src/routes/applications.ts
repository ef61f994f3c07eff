import type { Hono } from 'hono';
import * as v from 'valibot';
import { applicationAccess, authenticate, organizationAccess, outranks } from '../access';
import { ApiError } from '../errors';
import { paginate } from '../pagination';
import type { AppEnv, ServerState } from '../state';
import type { ApplicationRecord } from '../store';
import { nameField, readBody, roleField, slugField, tokenField } from '../validation';
import { applicationWire, memberWire } from '../wire';

/**
 * Registers the application routes: list and create inside an organization; get, update, delete;
 * list and add members (who must belong to the organization).
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * applicationRoutes(app, state);
 * ```
 *
 * @internal
 */
export function applicationRoutes(app: Hono<AppEnv>, state: ServerState): void {
  const { store } = state;

  app.get('/v1/organizations/:org_id/applications', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'member',
    );
    const applications = [...store.applications.values()].filter(
      (item) => item.organizationId === organization.id,
    );
    const page = paginate(c, applications, { kind: 'applications', seqOf: (item) => item.seq, order: 'asc' });
    return c.json({ ...page, data: page.data.map(applicationWire) });
  });

  app.post('/v1/organizations/:org_id/applications', async (c) => {
    const { organization } = organizationAccess(
      state,
      await authenticate(c, state),
      c.req.param('org_id'),
      'admin',
    );
    const body = readBody(c, v.object({ name: nameField, slug: slugField }));
    assertSlugFree(state, organization.id, body.slug, undefined);
    const now = state.now();
    const application: ApplicationRecord = {
      id: state.random.id('app'),
      organizationId: organization.id,
      name: body.name,
      slug: body.slug,
      createdAt: now,
      updatedAt: now,
      seq: store.nextSeq(),
    };
    store.applications.set(application.id, application);
    store.applicationMembers.set(application.id, new Map());
    return c.json(applicationWire(application), 201);
  });

  app.get('/v1/applications/:app_id', async (c) => {
    const { application } = applicationAccess(
      state,
      await authenticate(c, state),
      c.req.param('app_id'),
      'member',
    );
    return c.json(applicationWire(application));
  });

  app.patch('/v1/applications/:app_id', async (c) => {
    const { application } = applicationAccess(
      state,
      await authenticate(c, state),
      c.req.param('app_id'),
      'admin',
    );
    const body = readBody(c, v.object({ name: v.optional(nameField), slug: v.optional(slugField) }));
    if (body.slug !== undefined) assertSlugFree(state, application.organizationId, body.slug, application.id);
    if (body.name !== undefined) application.name = body.name;
    if (body.slug !== undefined) application.slug = body.slug;
    application.updatedAt = state.now();
    return c.json(applicationWire(application));
  });

  app.delete('/v1/applications/:app_id', async (c) => {
    const { application } = applicationAccess(
      state,
      await authenticate(c, state),
      c.req.param('app_id'),
      'admin',
    );
    store.applications.delete(application.id);
    store.applicationMembers.delete(application.id);
    return c.body(null, 204);
  });

  app.get('/v1/applications/:app_id/members', async (c) => {
    const { application } = applicationAccess(
      state,
      await authenticate(c, state),
      c.req.param('app_id'),
      'member',
    );
    const members = [...(store.applicationMembers.get(application.id)?.values() ?? [])].sort(
      (a, b) => a.seq - b.seq,
    );
    const page = paginate(c, members, {
      kind: 'application_members',
      seqOf: (member) => member.seq,
      order: 'asc',
    });
    return c.json({
      ...page,
      data: page.data.map((member) => memberWire(member, store.users.get(member.userId)!)),
    });
  });

  app.post('/v1/applications/:app_id/members', async (c) => {
    const access = applicationAccess(state, await authenticate(c, state), c.req.param('app_id'), 'admin');
    const body = readBody(c, v.object({ user_id: tokenField, role: roleField }));
    const application = access.application;
    const user = store.users.get(body.user_id);
    if (user === undefined || !store.memberships.get(application.organizationId)?.has(user.id)) {
      throw new ApiError(
        422,
        'not_organization_member',
        `User ${body.user_id} must be a member of the application's organization first.`,
      );
    }
    if (!outranks(access.role, body.role)) {
      throw new ApiError(403, 'forbidden', `Your role (${access.role}) cannot grant the ${body.role} role.`);
    }
    const members = store.applicationMembers.get(application.id)!;
    if (members.has(user.id)) {
      throw new ApiError(409, 'already_member', `${user.email} is already a member of this application.`);
    }
    const membership = { userId: user.id, role: body.role, joinedAt: state.now(), seq: store.nextSeq() };
    members.set(user.id, membership);
    return c.json(memberWire(membership, user), 201);
  });
}

function assertSlugFree(
  state: ServerState,
  organizationId: string,
  slug: string,
  ownId: string | undefined,
): void {
  for (const application of state.store.applications.values()) {
    if (
      application.organizationId === organizationId &&
      application.slug === slug &&
      application.id !== ownId
    ) {
      throw new ApiError(
        409,
        'slug_taken',
        `The application slug "${slug}" is already taken in this organization.`,
      );
    }
  }
}
