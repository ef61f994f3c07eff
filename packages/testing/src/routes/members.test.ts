import { describe, expect, test } from 'vitest';
import { expectError, type TestApi, unique, useServer } from '../test-support/harness';
import type { Invitation, Member, Page, User } from '../test-support/wire-types';

const api = useServer();

async function invite(token: string, organizationId: string, email: string, role: string) {
  return api.call<Invitation>('POST', `/v1/organizations/${organizationId}/invitations`, {
    token,
    body: { email, role },
  });
}

async function team(tester: TestApi) {
  const owner = await tester.signUp('owner');
  const admin = await tester.signUp('admin');
  const member = await tester.signUp('member');
  const organization = await tester.createOrganization(owner.token);
  expect((await invite(owner.token, organization.id, admin.email, 'admin')).status).toBe(201);
  expect((await invite(owner.token, organization.id, member.email, 'member')).status).toBe(201);
  return { owner, admin, member, organization };
}

describe('POST /v1/organizations/{org_id}/invitations', () => {
  test('a registered user joins at once: status accepted, no email sent', async () => {
    const owner = await api.signUp('owner');
    const invitee = await api.signUp('invitee');
    const organization = await api.createOrganization(owner.token);
    const before = api.server.outbox.messages.length;
    const response = await invite(owner.token, organization.id, invitee.email.toUpperCase(), 'admin');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^inv_/),
      organization_id: organization.id,
      email: invitee.email,
      role: 'admin',
      status: 'accepted',
      expires_at: expect.any(String),
      created_at: expect.any(String),
    });
    expect(api.server.outbox.messages.length).toBe(before);
    const members = await api.call<Page<Member>>('GET', `/v1/organizations/${organization.id}/members`, {
      token: invitee.token,
    });
    expect(members.body.data.map((member) => [member.email, member.role])).toEqual([
      [owner.email, 'owner'],
      [invitee.email, 'admin'],
    ]);
  });

  test('an unknown email gets a pending invitation and an email; registering turns it into membership', async () => {
    const owner = await api.signUp('owner');
    const organization = await api.createOrganization(owner.token);
    const email = `${unique('newcomer')}@example.test`;
    const response = await invite(owner.token, organization.id, email, 'member');
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('pending');
    expect(api.server.outbox.last(email)).toMatchObject({
      to: email,
      kind: 'invitation',
      link: expect.stringContaining(api.url),
    });

    const registered = await api.call<User>('POST', '/v1/auth/register', {
      body: { email, password: 'newcomer-password', full_name: 'New Comer' },
    });
    expect(registered.status).toBe(201);
    const members = await api.call<Page<Member>>('GET', `/v1/organizations/${organization.id}/members`, {
      token: owner.token,
    });
    expect(members.body.data).toContainEqual(
      expect.objectContaining({
        user_id: registered.body.user_id,
        email,
        role: 'member',
        full_name: 'New Comer',
      }),
    );
  });

  test('inviting an existing member is 409 already_member', async () => {
    const { owner, member, organization } = await team(api);
    expectError(await invite(owner.token, organization.id, member.email, 'admin'), 409, 'already_member');
  });

  test('a member cannot invite (403); an admin cannot grant owner (403); bad input is 400', async () => {
    const { admin, member, organization } = await team(api);
    expectError(await invite(member.token, organization.id, 'x@example.test', 'member'), 403, 'forbidden');
    expectError(await invite(admin.token, organization.id, 'y@example.test', 'owner'), 403, 'forbidden');
    expect((await invite(admin.token, organization.id, `${unique('z')}@example.test`, 'admin')).status).toBe(
      201,
    );
    const bad = await invite(admin.token, organization.id, 'not-an-email', 'king');
    expect(expectError(bad, 400, 'invalid_request').details?.fields).toEqual({
      email: 'must be a valid email address',
      role: 'must be one of owner, admin, member',
    });
  });
});

describe('PATCH /v1/organizations/{org_id}/members/{user_id}', () => {
  test('an owner promotes a member; the response is the Member', async () => {
    const { owner, member, organization } = await team(api);
    const response = await api.call<Member>(
      'PATCH',
      `/v1/organizations/${organization.id}/members/${member.user.user_id}`,
      {
        token: owner.token,
        body: { role: 'admin' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user_id: member.user.user_id,
      email: member.email,
      full_name: member.user.full_name,
      role: 'admin',
      joined_at: expect.any(String),
    });
  });

  test('the last owner cannot be demoted (409 last_owner); with a second owner it works', async () => {
    const { owner, admin, organization } = await team(api);
    const path = `/v1/organizations/${organization.id}/members/${owner.user.user_id}`;
    expectError(
      await api.call('PATCH', path, { token: owner.token, body: { role: 'admin' } }),
      409,
      'last_owner',
    );
    await api.call('PATCH', `/v1/organizations/${organization.id}/members/${admin.user.user_id}`, {
      token: owner.token,
      body: { role: 'owner' },
    });
    expect((await api.call('PATCH', path, { token: owner.token, body: { role: 'member' } })).status).toBe(
      200,
    );
  });

  test('an admin cannot touch an owner or make an owner (403); a member cannot change roles (403)', async () => {
    const { owner, admin, member, organization } = await team(api);
    const base = `/v1/organizations/${organization.id}/members`;
    expectError(
      await api.call('PATCH', `${base}/${owner.user.user_id}`, {
        token: admin.token,
        body: { role: 'member' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('PATCH', `${base}/${member.user.user_id}`, {
        token: admin.token,
        body: { role: 'owner' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('PATCH', `${base}/${admin.user.user_id}`, {
        token: member.token,
        body: { role: 'member' },
      }),
      403,
      'forbidden',
    );
    expect(
      (
        await api.call('PATCH', `${base}/${member.user.user_id}`, {
          token: admin.token,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(200);
  });

  test('an unknown member is 404 member_not_found; a bad role is 400', async () => {
    const { owner, organization } = await team(api);
    const base = `/v1/organizations/${organization.id}/members`;
    expectError(
      await api.call('PATCH', `${base}/usr_nobody`, { token: owner.token, body: { role: 'member' } }),
      404,
      'member_not_found',
    );
    expectError(
      await api.call('PATCH', `${base}/${owner.user.user_id}`, { token: owner.token, body: { role: 'god' } }),
      400,
      'invalid_request',
    );
  });
});

describe('DELETE /v1/organizations/{org_id}/members/{user_id}', () => {
  test('an admin removes a member (204); the member loses access (404)', async () => {
    const { admin, member, organization } = await team(api);
    const removed = await api.call(
      'DELETE',
      `/v1/organizations/${organization.id}/members/${member.user.user_id}`,
      {
        token: admin.token,
      },
    );
    expect(removed.status).toBe(204);
    expectError(
      await api.call('GET', `/v1/organizations/${organization.id}`, { token: member.token }),
      404,
      'organization_not_found',
    );
    expectError(
      await api.call('DELETE', `/v1/organizations/${organization.id}/members/${member.user.user_id}`, {
        token: admin.token,
      }),
      404,
      'member_not_found',
    );
  });

  test('the last owner cannot be removed (409 last_owner); an admin cannot remove an owner (403)', async () => {
    const { owner, admin, organization } = await team(api);
    const path = `/v1/organizations/${organization.id}/members/${owner.user.user_id}`;
    expectError(await api.call('DELETE', path, { token: admin.token }), 403, 'forbidden');
    expectError(await api.call('DELETE', path, { token: owner.token }), 409, 'last_owner');
    expectError(await api.call('DELETE', path, { token: api.server.apiKey }), 409, 'last_owner');
  });

  test('a member cannot remove anyone (403)', async () => {
    const { admin, member, organization } = await team(api);
    expectError(
      await api.call('DELETE', `/v1/organizations/${organization.id}/members/${admin.user.user_id}`, {
        token: member.token,
      }),
      403,
      'forbidden',
    );
  });

  test('removal also drops the user from the organization’s applications', async () => {
    const { owner, member, organization } = await team(api);
    const application = await api.call<{ id: string }>(
      'POST',
      `/v1/organizations/${organization.id}/applications`,
      {
        token: owner.token,
        body: { name: 'App', slug: 'app' },
      },
    );
    await api.call('POST', `/v1/applications/${application.body.id}/members`, {
      token: owner.token,
      body: { user_id: member.user.user_id, role: 'member' },
    });
    await api.call('DELETE', `/v1/organizations/${organization.id}/members/${member.user.user_id}`, {
      token: owner.token,
    });
    const members = await api.call<Page<Member>>('GET', `/v1/applications/${application.body.id}/members`, {
      token: owner.token,
    });
    expect(members.body.data).toEqual([]);
  });
});

describe('GET /v1/organizations/{org_id}/members', () => {
  test('members read the list; strangers get 404', async () => {
    const { member, organization } = await team(api);
    const stranger = await api.signUp('stranger');
    const list = await api.call<Page<Member>>('GET', `/v1/organizations/${organization.id}/members`, {
      token: member.token,
    });
    expect(list.body.data.map((entry) => entry.role)).toEqual(['owner', 'admin', 'member']);
    expect(list.body.has_more).toBe(false);
    expectError(
      await api.call('GET', `/v1/organizations/${organization.id}/members`, { token: stranger.token }),
      404,
      'organization_not_found',
    );
  });
});
