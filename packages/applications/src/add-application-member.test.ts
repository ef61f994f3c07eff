import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  ISO_TIMESTAMP,
  type SignedUpUser,
  UUID,
  uniqueSlug,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { addApplicationMember } from './add-application-member';
import { createApplication } from './create-application';
import { listApplicationMembers } from './list-application-members';
import type { Application } from './schemas/application';

const api = useLocalApi();
let owner: SignedUpUser;
let orgId: string;
let app: Application;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  orgId = await createOrganization(owner.core);
  app = await createApplication(owner.core, { orgId, name: 'Main', slug: uniqueSlug('main') });
});

/** A registered user who is a member of the application's organization. */
async function organizationMember(fullName: string, role: 'admin' | 'member' = 'member') {
  const user = await api.signUp(fullName);
  await addOrganizationMember(owner.core, orgId, user.email, role);
  api.server.clearRequests();
  return user;
}

describe('addApplicationMember', () => {
  test('adds a member of the organization to the application', async () => {
    const user = await organizationMember('Ola Member');
    const member = await addApplicationMember(owner.core, {
      appId: app.id,
      userId: user.user.userId,
      role: 'admin',
    });

    expect(member).toEqual({
      userId: user.user.userId,
      email: user.email,
      fullName: 'Ola Member',
      role: 'admin',
      joinedAt: expect.stringMatching(ISO_TIMESTAMP),
    });
    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/v1/applications/${app.id}/members` });
    expect(request?.body).toEqual({ user_id: user.user.userId, role: 'admin' });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toMatch(UUID);

    const members = await listApplicationMembers(owner.core, { appId: app.id, limit: 100 });
    expect(members).toContainEqual(member);
  });

  test('a user outside the organization is 422 not_organization_member', async () => {
    const outsider = await api.signUp('Otto Outsider');
    const error = await addApplicationMember(owner.core, {
      appId: app.id,
      userId: outsider.user.userId,
      role: 'member',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 422, code: 'not_organization_member' });
  });

  test('adding the same user twice is 409 already_member', async () => {
    const user = await organizationMember('Twice Member');
    await addApplicationMember(owner.core, { appId: app.id, userId: user.user.userId, role: 'member' });
    const error = await addApplicationMember(owner.core, {
      appId: app.id,
      userId: user.user.userId,
      role: 'member',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'already_member' });
  });

  test('a plain member of the organization is refused with 403 forbidden', async () => {
    const member = await organizationMember('Mo Member');
    const candidate = await organizationMember('Cy Candidate');
    const error = await addApplicationMember(member.core, {
      appId: app.id,
      userId: candidate.user.userId,
      role: 'member',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('a caller outside the organization gets 404 application_not_found', async () => {
    const stranger = await api.signUp('Sam Stranger');
    const candidate = await organizationMember('Cy Candidate');
    const error = await addApplicationMember(stranger.core, {
      appId: app.id,
      userId: candidate.user.userId,
      role: 'member',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
  });

  test('checks userId and role before sending', async () => {
    const role = 'superuser' as unknown as 'member';
    await expect(addApplicationMember(owner.core, { appId: app.id, userId: 'usr_1', role })).rejects.toThrow(
      'role must be one of: owner, admin, member',
    );
    await expect(
      addApplicationMember(owner.core, { appId: app.id, userId: '', role: 'member' }),
    ).rejects.toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('uses the application context when no appId is given; an explicit appId wins', async () => {
    const other = await createApplication(owner.core, { orgId, name: 'Other', slug: uniqueSlug('other') });
    const first = await organizationMember('First Ctx');
    const second = await organizationMember('Second Ctx');
    const scoped = withContext(owner.core, { applicationId: app.id });

    await addApplicationMember(scoped, { userId: first.user.userId, role: 'member' });
    expect(api.server.requests[0]?.path).toBe(`/v1/applications/${app.id}/members`);
    expect(api.server.requests[0]?.headers['x-puguh-application-id']).toBe(app.id);

    await addApplicationMember(scoped, { appId: other.id, userId: second.user.userId, role: 'member' });
    expect(api.server.requests[1]?.path).toBe(`/v1/applications/${other.id}/members`);
    const otherMembers = await listApplicationMembers(owner.core, { appId: other.id, limit: 100 });
    expect(otherMembers.map((member) => member.userId)).toContain(second.user.userId);
  });

  test('without appId or context it throws a TypeError and sends nothing', async () => {
    await expect(addApplicationMember(owner.core, { userId: 'usr_1', role: 'member' })).rejects.toThrow(
      /appId is required/,
    );
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await addApplicationMember(bogus, { appId: app.id, userId: 'usr_1', role: 'member' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    api.server.faults.inject({ method: 'POST', path: `/v1/applications/${app.id}/members`, status: 429 });
    const error = await addApplicationMember(owner.core, {
      appId: app.id,
      userId: 'usr_1',
      role: 'member',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
