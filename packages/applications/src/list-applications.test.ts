import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  type SignedUpUser,
  uniqueSlug,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApplication } from './create-application';
import { listApplications } from './list-applications';
import type { Application } from './schemas/application';

const api = useLocalApi();
let owner: SignedUpUser;
let orgId: string;
let created: Application[];
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  orgId = await createOrganization(owner.core);
  created = [];
  for (let index = 1; index <= 25; index++) {
    created.push(
      await createApplication(owner.core, { orgId, name: `App ${index}`, slug: uniqueSlug('app') }),
    );
  }
});

const byId = (apps: readonly Application[]) => [...apps].sort((a, b) => a.id.localeCompare(b.id));

describe('listApplications', () => {
  test('awaiting gives the first page with where the list goes on', async () => {
    const page = await listApplications(owner.core, { orgId, limit: 10 });

    expect(page).toHaveLength(10);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toEqual(expect.any(String));
    for (const app of page) expect(created).toContainEqual(app);

    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/organizations/${orgId}/applications`,
      query: { limit: '10' },
    });
    expect(request?.query.cursor).toBeUndefined();
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toBeUndefined();
  });

  test('for await walks every page: 25 applications, 10 per page, 3 requests', async () => {
    const seen: Application[] = [];
    for await (const app of listApplications(owner.core, { orgId, limit: 10 })) seen.push(app);

    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((app) => app.id)).size).toBe(25);
    expect(byId(seen)).toEqual(byId(created));

    const requests = api.server.requests;
    expect(requests.map((request) => request.query.limit)).toEqual(['10', '10', '10']);
    expect(requests[0]?.query.cursor).toBeUndefined();
    expect(requests[1]?.query.cursor).toEqual(expect.any(String));
    expect(requests[2]?.query.cursor).toEqual(expect.any(String));
    expect(requests[2]?.query.cursor).not.toBe(requests[1]?.query.cursor);
  });

  test('a cursor from one page fetches the next', async () => {
    const first = await listApplications(owner.core, { orgId, limit: 20 });
    const second = await listApplications(owner.core, {
      orgId,
      limit: 20,
      cursor: first.nextCursor ?? undefined,
    });

    expect(second).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    expect(second.nextCursor).toBeNull();
    expect(byId([...first, ...second])).toEqual(byId(created));
    expect(api.server.requests[1]?.query.cursor).toBe(first.nextCursor);
  });

  test('a plain member of the organization may list them', async () => {
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const page = await listApplications(member.core, { orgId, limit: 100 });
    expect(byId(page)).toEqual(byId(created));
  });

  test('a caller outside the organization gets 404 organization_not_found', async () => {
    const stranger = await api.signUp('Sam Stranger');
    const error = await listApplications(stranger.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('uses the organization context when no orgId is given; an explicit orgId wins', async () => {
    const emptyOrgId = await createOrganization(owner.core);
    api.server.clearRequests();

    const fromContext = await listApplications(withContext(owner.core, { organizationId: orgId }), {
      limit: 1,
    });
    expect(fromContext[0]?.organizationId).toBe(orgId);
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${orgId}/applications`);
    expect(api.server.requests[0]?.headers['x-puguh-organization-id']).toBe(orgId);

    const explicit = await listApplications(withContext(owner.core, { organizationId: orgId }), {
      orgId: emptyOrgId,
    });
    expect([...explicit]).toEqual([]);
    expect(explicit.hasMore).toBe(false);
    expect(api.server.requests[1]?.path).toBe(`/v1/organizations/${emptyOrgId}/applications`);
  });

  test('without orgId or context, or with a bad limit, it throws a TypeError at once and sends nothing', () => {
    expect(() => listApplications(owner.core)).toThrow(/orgId is required/);
    expect(() => listApplications(owner.core, { orgId, limit: 0 })).toThrow(TypeError);
    expect(() => listApplications(owner.core, { orgId, limit: 101 })).toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await listApplications(bogus, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError, also when iterating', async () => {
    const path = `/v1/organizations/${orgId}/applications`;
    api.server.faults.inject({ path, status: 429, headers: { 'retry-after': '2' } });
    const error = await listApplications(owner.core, { orgId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 2 });

    api.server.faults.inject({ path, status: 429 });
    const iterate = async () => {
      for await (const _app of listApplications(owner.core, { orgId })) {
        // The first page already fails.
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(RateLimitError);
  });
});
