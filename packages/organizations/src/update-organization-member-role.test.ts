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
  UUID,
} from './test-support/organizations';
import { updateOrganizationMemberRole } from './update-organization-member-role';

const api = useLocalApi();
let owner: SignedUpUser;
let org: Organization;
beforeAll(async () => {
  owner = await api.signUp('Olive Owner');
  org = await newOrganization(owner.core);
});

describe('updateOrganizationMemberRole', () => {
  test('PATCHes the role and returns the member with it', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    api.server.clearRequests();

    const updated = await updateOrganizationMemberRole(owner.core, {
      orgId: org.id,
      userId: member.user.userId,
      role: 'admin',
    });

    expect(updated).toEqual({
      userId: member.user.userId,
      email: member.email,
      fullName: 'A member',
      role: 'admin',
      joinedAt: expect.stringMatching(ISO),
    });
    const request = lastRequest(api);
    expect(request).toMatchObject({
      method: 'PATCH',
      path: `/v1/organizations/${org.id}/members/${member.user.userId}`,
      body: { role: 'admin' },
    });
    expect(request.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toMatch(UUID);
    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.find((entry) => entry.userId === member.user.userId)?.role).toBe('admin');
  });

  test('demoting the last owner is PuguhError 409 last_owner', async () => {
    const error = await failure(() =>
      updateOrganizationMemberRole(owner.core, { orgId: org.id, userId: owner.user.userId, role: 'admin' }),
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'last_owner' });
    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.find((entry) => entry.userId === owner.user.userId)?.role).toBe('owner');
  });

  test('an owner may step down once another owner exists', async () => {
    const founder = await api.signUp();
    const shared = await newOrganization(founder.core);
    const successor = await addMember(api, founder.core, shared.id, 'member');
    await updateOrganizationMemberRole(founder.core, {
      orgId: shared.id,
      userId: successor.user.userId,
      role: 'owner',
    });

    const stepped = await updateOrganizationMemberRole(founder.core, {
      orgId: shared.id,
      userId: founder.user.userId,
      role: 'member',
    });

    expect(stepped.role).toBe('member');
  });

  test('a plain member changing roles is 403 forbidden', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    const target = await addMember(api, owner.core, org.id, 'member');
    await expect(
      updateOrganizationMemberRole(member.core, { orgId: org.id, userId: target.user.userId, role: 'admin' }),
    ).rejects.toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('a user who is not a member is 404 member_not_found', async () => {
    const stranger = await api.signUp();
    await expect(
      updateOrganizationMemberRole(owner.core, {
        orgId: org.id,
        userId: stranger.user.userId,
        role: 'admin',
      }),
    ).rejects.toMatchObject({ statusCode: 404, code: 'member_not_found' });
  });

  test.each(['superuser', 'ADMIN', undefined])('refuses the role %j before sending', async (role) => {
    await expectRefusedLocally(
      api,
      () =>
        updateOrganizationMemberRole(owner.core, {
          orgId: org.id,
          userId: owner.user.userId,
          role: role as 'admin',
        }),
      /role must be one of: owner, admin, member/,
    );
  });

  test.each(['', ' ', undefined, '.', '..'])('refuses the userId %j before sending', async (userId) => {
    await expectRefusedLocally(
      api,
      () =>
        updateOrganizationMemberRole(owner.core, { orgId: org.id, userId: userId as string, role: 'admin' }),
      /userId/,
    );
  });

  test.each(['../x', 'a/b'])('keeps the userId %j in one path segment', async (userId) => {
    await expectIdStaysInItsSegment(
      api,
      () => updateOrganizationMemberRole(owner.core, { orgId: org.id, userId, role: 'admin' }),
      `/v1/organizations/${org.id}/members/`,
      userId,
      'member_not_found',
    );
  });

  test.each(['../x', 'a/b'])('keeps the orgId %j in one path segment', async (orgId) => {
    await expectIdStaysInItsSegment(
      api,
      () => updateOrganizationMemberRole(api.service, { orgId, userId: owner.user.userId, role: 'admin' }),
      '/v1/organizations/',
      orgId,
      'organization_not_found',
    );
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const member = await addMember(api, owner.core, org.id, 'member');
      const core = withContext(owner.core, { organizationId: org.id });

      await updateOrganizationMemberRole(core, { userId: member.user.userId, role: 'admin' });

      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${org.id}/members/${member.user.userId}`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const other = await newOrganization(owner.core);
      const member = await addMember(api, owner.core, other.id, 'member');
      const core = api.core({ accessToken: owner.tokens.accessToken });
      setOrganizationContext(core, org.id);

      await updateOrganizationMemberRole(core, {
        orgId: other.id,
        userId: member.user.userId,
        role: 'admin',
      });

      expect(lastRequest(api).path).toBe(`/v1/organizations/${other.id}/members/${member.user.userId}`);
    });

    test('neither is a TypeError before any request', async () => {
      await expectRefusedLocally(
        api,
        () => updateOrganizationMemberRole(api.service, { userId: owner.user.userId, role: 'admin' }),
        /orgId/,
      );
    });
  });

  sharedErrorTests(
    () => api,
    'PATCH',
    () => new RegExp(`^/v1/organizations/${org.id}/members/`),
    (core) => updateOrganizationMemberRole(core, { orgId: org.id, userId: owner.user.userId, role: 'owner' }),
  );
});
