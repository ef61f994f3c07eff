import { PuguhError, setOrganizationContext, withContext } from '@puguh/core';
import { type SignedUpUser, useLocalApi } from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { getOrganization } from './get-organization';
import { listOrganizationMembers } from './list-organization-members';
import { removeOrganizationMember } from './remove-organization-member';
import type { Organization } from './schemas/organization';
import {
  addMember,
  expectIdStaysInItsSegment,
  expectRefusedLocally,
  failure,
  lastRequest,
  newOrganization,
  sharedErrorTests,
} from './test-support/organizations';

const api = useLocalApi();
let owner: SignedUpUser;
let org: Organization;
beforeAll(async () => {
  owner = await api.signUp('Olive Owner');
  org = await newOrganization(owner.core);
});

describe('removeOrganizationMember', () => {
  test('DELETEs the membership; it resolves undefined and the user loses access', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    api.server.clearRequests();

    await expect(
      removeOrganizationMember(owner.core, { orgId: org.id, userId: member.user.userId }),
    ).resolves.toBeUndefined();

    const request = lastRequest(api);
    expect(request).toMatchObject({
      method: 'DELETE',
      path: `/v1/organizations/${org.id}/members/${member.user.userId}`,
      body: undefined,
    });
    expect(request.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toBeUndefined();
    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.map((entry) => entry.userId)).not.toContain(member.user.userId);
    await expect(getOrganization(member.core, { orgId: org.id })).rejects.toMatchObject({ statusCode: 404 });
  });

  test('an admin may remove a member', async () => {
    const admin = await addMember(api, owner.core, org.id, 'admin');
    const member = await addMember(api, owner.core, org.id, 'member');
    await removeOrganizationMember(admin.core, { orgId: org.id, userId: member.user.userId });
    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.map((entry) => entry.userId)).not.toContain(member.user.userId);
  });

  test('removing the last owner is PuguhError 409 last_owner', async () => {
    const error = await failure(() =>
      removeOrganizationMember(owner.core, { orgId: org.id, userId: owner.user.userId }),
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'last_owner' });
    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.find((entry) => entry.userId === owner.user.userId)?.role).toBe('owner');
  });

  test('a plain member removing someone is 403 forbidden', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    const target = await addMember(api, owner.core, org.id, 'member');
    await expect(
      removeOrganizationMember(member.core, { orgId: org.id, userId: target.user.userId }),
    ).rejects.toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('a user who is not a member is 404 member_not_found', async () => {
    const stranger = await api.signUp();
    await expect(
      removeOrganizationMember(owner.core, { orgId: org.id, userId: stranger.user.userId }),
    ).rejects.toMatchObject({ statusCode: 404, code: 'member_not_found' });
  });

  test.each(['', undefined, '.', '..'])('refuses the userId %j before sending', async (userId) => {
    await expectRefusedLocally(
      api,
      () => removeOrganizationMember(owner.core, { orgId: org.id, userId: userId as string }),
      /userId/,
    );
  });

  test.each(['../x', 'a/b'])('keeps the userId %j in one path segment', async (userId) => {
    await expectIdStaysInItsSegment(
      api,
      () => removeOrganizationMember(owner.core, { orgId: org.id, userId }),
      `/v1/organizations/${org.id}/members/`,
      userId,
      'member_not_found',
    );
  });

  test.each(['../x', 'a/b'])('keeps the orgId %j in one path segment', async (orgId) => {
    await expectIdStaysInItsSegment(
      api,
      () => removeOrganizationMember(api.service, { orgId, userId: owner.user.userId }),
      '/v1/organizations/',
      orgId,
      'organization_not_found',
    );
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const member = await addMember(api, owner.core, org.id, 'member');
      const core = withContext(owner.core, { organizationId: org.id });

      await removeOrganizationMember(core, { userId: member.user.userId });

      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${org.id}/members/${member.user.userId}`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const other = await newOrganization(owner.core);
      const member = await addMember(api, owner.core, other.id, 'member');
      const core = api.core({ accessToken: owner.tokens.accessToken });
      setOrganizationContext(core, org.id);

      await removeOrganizationMember(core, { orgId: other.id, userId: member.user.userId });

      expect(lastRequest(api).path).toBe(`/v1/organizations/${other.id}/members/${member.user.userId}`);
    });

    test('neither is a TypeError before any request', async () => {
      await expectRefusedLocally(
        api,
        () => removeOrganizationMember(api.service, { userId: owner.user.userId }),
        /orgId/,
      );
    });
  });

  sharedErrorTests(
    () => api,
    'DELETE',
    () => new RegExp(`^/v1/organizations/${org.id}/members/`),
    (core) => removeOrganizationMember(core, { orgId: org.id, userId: owner.user.userId }),
  );
});
