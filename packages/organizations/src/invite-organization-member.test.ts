import { PuguhError, sendRequest, setOrganizationContext, withContext } from '@puguh/core';
import { RegisteredUser, type SignedUpUser, useLocalApi } from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { inviteOrganizationMember } from './invite-organization-member';
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

const api = useLocalApi();
let owner: SignedUpUser;
let org: Organization;
let counter = 0;
beforeAll(async () => {
  owner = await api.signUp('Olive Owner');
  org = await newOrganization(owner.core);
});

/** An address no user has registered. */
function unknownEmail(): string {
  counter += 1;
  return `invitee${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

async function memberEmails(orgId: string): Promise<string[]> {
  const emails: string[] = [];
  for await (const member of listOrganizationMembers(owner.core, { orgId })) emails.push(member.email);
  return emails;
}

describe('inviteOrganizationMember', () => {
  test('an existing user is accepted and a member at once', async () => {
    const invitee = await api.signUp('Ivy Invitee');
    api.server.clearRequests();

    const invitation = await inviteOrganizationMember(owner.core, {
      orgId: org.id,
      email: invitee.email,
      role: 'admin',
    });

    expect(invitation).toEqual({
      id: expect.stringMatching(/^inv_/),
      organizationId: org.id,
      email: invitee.email,
      role: 'admin',
      status: 'accepted',
      expiresAt: expect.stringMatching(ISO),
      createdAt: expect.stringMatching(ISO),
    });
    const request = lastRequest(api);
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1/organizations/${org.id}/invitations`,
      body: { email: invitee.email, role: 'admin' },
    });
    expect(request.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toMatch(UUID);
    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.find((member) => member.userId === invitee.user.userId)).toMatchObject({
      email: invitee.email,
      fullName: 'Ivy Invitee',
      role: 'admin',
    });
    expect(api.server.outbox.messages.filter((message) => message.to === invitee.email)).toEqual([]);
  });

  test('an unknown e-mail is pending, is e-mailed, and becomes a member on registration', async () => {
    const email = unknownEmail();

    const invitation = await inviteOrganizationMember(owner.core, { orgId: org.id, email, role: 'member' });

    expect(invitation).toMatchObject({ organizationId: org.id, email, role: 'member', status: 'pending' });
    expect(Date.parse(invitation.expiresAt)).toBeGreaterThan(Date.parse(invitation.createdAt));
    expect(api.server.outbox.last(email)).toMatchObject({ to: email, kind: 'invitation' });
    expect(await memberEmails(org.id)).not.toContain(email);

    const registered = await sendRequest(api.anonymous, {
      method: 'POST',
      path: 'v1/auth/register',
      body: { email, password: 'correct horse battery', full_name: 'Late Joiner' },
      schema: RegisteredUser,
      authenticate: false,
    });

    const members = await listOrganizationMembers(owner.core, { orgId: org.id });
    expect(members.find((member) => member.userId === registered.userId)).toMatchObject({
      email,
      fullName: 'Late Joiner',
      role: 'member',
    });
  });

  test('inviting someone who is already a member is 409 already_member', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    await expect(
      inviteOrganizationMember(owner.core, { orgId: org.id, email: member.email, role: 'member' }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'already_member' });
  });

  test('a plain member inviting is PuguhError 403 forbidden', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    const error = await failure(() =>
      inviteOrganizationMember(member.core, { orgId: org.id, email: unknownEmail(), role: 'member' }),
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('a non-member inviting is 404 organization_not_found', async () => {
    const stranger = await api.signUp();
    await expect(
      inviteOrganizationMember(stranger.core, { orgId: org.id, email: unknownEmail(), role: 'member' }),
    ).rejects.toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test.each(['superuser', 'Owner', '', undefined])('refuses the role %j before sending', async (role) => {
    await expectRefusedLocally(
      api,
      () =>
        inviteOrganizationMember(owner.core, {
          orgId: org.id,
          email: unknownEmail(),
          role: role as 'member',
        }),
      /role must be one of: owner, admin, member/,
    );
  });

  test.each(['not-an-email', 'a@b', '', undefined])('refuses the e-mail %j before sending', async (email) => {
    await expectRefusedLocally(
      api,
      () => inviteOrganizationMember(owner.core, { orgId: org.id, email: email as string, role: 'member' }),
      /email/,
    );
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const core = withContext(owner.core, { organizationId: org.id });
      await inviteOrganizationMember(core, { email: unknownEmail(), role: 'member' });
      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${org.id}/invitations`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const other = await newOrganization(owner.core);
      const core = api.core({ accessToken: owner.tokens.accessToken });
      setOrganizationContext(core, org.id);

      const invitation = await inviteOrganizationMember(core, {
        orgId: other.id,
        email: unknownEmail(),
        role: 'member',
      });

      expect(invitation.organizationId).toBe(other.id);
      expect(lastRequest(api).path).toBe(`/v1/organizations/${other.id}/invitations`);
    });

    test('neither is a TypeError before any request', async () => {
      await expectRefusedLocally(
        api,
        () => inviteOrganizationMember(api.service, { email: unknownEmail(), role: 'member' }),
        /orgId/,
      );
    });
  });

  test.each(['../x', 'a/b'])('keeps the id %j in one path segment', async (id) => {
    await expectIdStaysInItsSegment(
      api,
      () => inviteOrganizationMember(api.service, { orgId: id, email: unknownEmail(), role: 'member' }),
      '/v1/organizations/',
      id,
      'organization_not_found',
    );
  });

  sharedErrorTests(
    () => api,
    'POST',
    () => `/v1/organizations/${org.id}/invitations`,
    (core) => inviteOrganizationMember(core, { orgId: org.id, email: unknownEmail(), role: 'member' }),
  );
});
