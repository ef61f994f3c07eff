import { PuguhError, setOrganizationContext, withContext } from '@puguh/core';
import { type SignedUpUser, useLocalApi } from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { listOrganizationMembers } from './list-organization-members';
import type { Organization } from './schemas/organization';
import {
  addMember,
  expectIdStaysInItsSegment,
  expectRefusedLocally,
  failure,
  ISO,
  lastRequest,
  newOrganization,
  sharedErrorTests,
} from './test-support/organizations';

const api = useLocalApi();
let owner: SignedUpUser;
let org: Organization;
let others: SignedUpUser[];
beforeAll(async () => {
  owner = await api.signUp('Olive Owner');
  org = await newOrganization(owner.core);
  others = [];
  for (const role of ['admin', 'member', 'member', 'member', 'admin'] as const) {
    others.push(await addMember(api, owner.core, org.id, role));
  }
});

describe('listOrganizationMembers', () => {
  test('GETs the members with their roles', async () => {
    const page = await listOrganizationMembers(owner.core, { orgId: org.id });

    expect(page).toHaveLength(6);
    expect(page.hasMore).toBe(false);
    expect(page[0]).toEqual({
      userId: owner.user.userId,
      email: owner.email,
      fullName: 'Olive Owner',
      role: 'owner',
      joinedAt: expect.stringMatching(ISO),
    });
    expect(page.map((member) => member.role).sort()).toEqual([
      'admin',
      'admin',
      'member',
      'member',
      'member',
      'owner',
    ]);
    expect(page.find((member) => member.userId === others[1]?.user.userId)).toMatchObject({
      email: others[1]?.email,
      fullName: 'A member',
      role: 'member',
    });
    const request = lastRequest(api);
    expect(request).toMatchObject({ method: 'GET', path: `/v1/organizations/${org.id}/members`, query: {} });
    expect(request.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toBeUndefined();
  });

  test('a plain member may list them', async () => {
    const member = others[1] as SignedUpUser;
    await expect(listOrganizationMembers(member.core, { orgId: org.id })).resolves.toHaveLength(6);
  });

  test('pages with limit, and for await yields every member exactly once', async () => {
    const first = await listOrganizationMembers(owner.core, { orgId: org.id, limit: 2 });
    expect(first).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toEqual(expect.any(String));
    api.server.clearRequests();

    const seen: string[] = [];
    for await (const member of listOrganizationMembers(owner.core, { orgId: org.id, limit: 2 })) {
      seen.push(member.userId);
    }

    const expected = [owner, ...others].map((user) => user.user.userId);
    expect(seen).toHaveLength(expected.length);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(api.server.requests).toHaveLength(3);
    expect(
      api.server.requests.every((request) => request.path === `/v1/organizations/${org.id}/members`),
    ).toBe(true);
    expect(api.server.requests[2]?.query).toEqual({ limit: '2', cursor: expect.any(String) });
  });

  test('a non-member gets PuguhError 404 organization_not_found', async () => {
    const stranger = await api.signUp();
    const error = await failure(() => listOrganizationMembers(stranger.core, { orgId: org.id }));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const core = withContext(owner.core, { organizationId: org.id });
      await expect(listOrganizationMembers(core)).resolves.toHaveLength(6);
      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${org.id}/members`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const other = await newOrganization(owner.core);
      const core = api.core({ accessToken: owner.tokens.accessToken });
      setOrganizationContext(core, org.id);

      await expect(listOrganizationMembers(core, { orgId: other.id })).resolves.toHaveLength(1);
      expect(lastRequest(api).path).toBe(`/v1/organizations/${other.id}/members`);
      expect(lastRequest(api).headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('neither is a TypeError, thrown before any request', async () => {
      await expectRefusedLocally(api, () => listOrganizationMembers(api.service), /orgId/);
      await expectRefusedLocally(api, () => listOrganizationMembers(api.service, { limit: 5 }), /orgId/);
    });
  });

  test.each(['../x', 'a/b'])('keeps the id %j in one path segment', async (id) => {
    await expectIdStaysInItsSegment(
      api,
      () => listOrganizationMembers(api.service, { orgId: id }),
      '/v1/organizations/',
      id,
      'organization_not_found',
    );
    const request = api.server.requests.at(-1);
    if (request) expect(request.path.endsWith('/members')).toBe(true);
  });

  sharedErrorTests(
    () => api,
    'GET',
    () => `/v1/organizations/${org.id}/members`,
    async (core) => listOrganizationMembers(core, { orgId: org.id }),
  );
});
