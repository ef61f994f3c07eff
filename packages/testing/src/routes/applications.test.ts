import { describe, expect, test } from 'vitest';
import { expectError, useServer } from '../test-support/harness';
import type { Application, Member, Page } from '../test-support/wire-types';

const api = useServer();

async function setup() {
  const owner = await api.signUp('owner');
  const member = await api.signUp('member');
  const outsider = await api.signUp('outsider');
  const organization = await api.createOrganization(owner.token);
  await api.call('POST', `/v1/organizations/${organization.id}/invitations`, {
    token: owner.token,
    body: { email: member.email, role: 'member' },
  });
  const created = await api.call<Application>('POST', `/v1/organizations/${organization.id}/applications`, {
    token: owner.token,
    body: { name: 'Dashboard', slug: 'dashboard' },
  });
  expect(created.status).toBe(201);
  return { owner, member, outsider, organization, application: created.body };
}

describe('applications', () => {
  test('create returns the Application (201); get, list, update and delete work for the right roles', async () => {
    const { owner, member, organization, application } = await setup();
    expect(application).toEqual({
      id: expect.stringMatching(/^app_/),
      organization_id: organization.id,
      name: 'Dashboard',
      slug: 'dashboard',
      created_at: expect.any(String),
      updated_at: application.created_at,
    });
    expect(
      (await api.call<Application>('GET', `/v1/applications/${application.id}`, { token: member.token }))
        .body,
    ).toEqual(application);
    const list = await api.call<Page<Application>>(
      'GET',
      `/v1/organizations/${organization.id}/applications`,
      {
        token: member.token,
      },
    );
    expect(list.body).toEqual({ data: [application], has_more: false, next_cursor: null });
    const updated = await api.call<Application>('PATCH', `/v1/applications/${application.id}`, {
      token: owner.token,
      body: { name: 'Console' },
    });
    expect(updated.body).toMatchObject({ name: 'Console', slug: 'dashboard' });
    expect(
      (await api.call('DELETE', `/v1/applications/${application.id}`, { token: owner.token })).status,
    ).toBe(204);
    expectError(
      await api.call('GET', `/v1/applications/${application.id}`, { token: owner.token }),
      404,
      'application_not_found',
    );
  });

  test('a member reads but cannot create, change or delete (403)', async () => {
    const { member, organization, application } = await setup();
    const path = `/v1/organizations/${organization.id}/applications`;
    expectError(
      await api.call('POST', path, { token: member.token, body: { name: 'X', slug: 'xx' } }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('PATCH', `/v1/applications/${application.id}`, {
        token: member.token,
        body: { name: 'X' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('DELETE', `/v1/applications/${application.id}`, { token: member.token }),
      403,
      'forbidden',
    );
  });

  test('outsiders get 404 application_not_found / organization_not_found', async () => {
    const { outsider, organization, application } = await setup();
    expectError(
      await api.call('GET', `/v1/applications/${application.id}`, { token: outsider.token }),
      404,
      'application_not_found',
    );
    expectError(
      await api.call('GET', `/v1/organizations/${organization.id}/applications`, { token: outsider.token }),
      404,
      'organization_not_found',
    );
    expectError(
      await api.call('GET', '/v1/applications/app_missing', { token: api.server.apiKey }),
      404,
      'application_not_found',
    );
  });

  test('slugs are unique per organization (409 slug_taken) but may repeat across organizations', async () => {
    const { owner, organization, application } = await setup();
    const path = `/v1/organizations/${organization.id}/applications`;
    expectError(
      await api.call('POST', path, { token: owner.token, body: { name: 'Again', slug: 'dashboard' } }),
      409,
      'slug_taken',
    );
    const second = await api.call<Application>('POST', path, {
      token: owner.token,
      body: { name: 'Two', slug: 'two' },
    });
    expectError(
      await api.call('PATCH', `/v1/applications/${second.body.id}`, {
        token: owner.token,
        body: { slug: application.slug },
      }),
      409,
      'slug_taken',
    );
    const otherOrganization = await api.createOrganization(owner.token);
    const elsewhere = await api.call('POST', `/v1/organizations/${otherOrganization.id}/applications`, {
      token: owner.token,
      body: { name: 'Dashboard', slug: 'dashboard' },
    });
    expect(elsewhere.status).toBe(201);
  });

  test('invalid bodies are 400 invalid_request with fields', async () => {
    const { owner, organization } = await setup();
    const response = await api.call('POST', `/v1/organizations/${organization.id}/applications`, {
      token: owner.token,
      body: { name: '', slug: 'Bad Slug' },
    });
    expect(Object.keys(expectError(response, 400, 'invalid_request').details?.fields ?? {})).toEqual([
      'name',
      'slug',
    ]);
  });
});

describe('application members', () => {
  test('an organization member can be added (201 Member) and is listed', async () => {
    const { owner, member, application } = await setup();
    const added = await api.call<Member>('POST', `/v1/applications/${application.id}/members`, {
      token: owner.token,
      body: { user_id: member.user.user_id, role: 'admin' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      user_id: member.user.user_id,
      email: member.email,
      full_name: member.user.full_name,
      role: 'admin',
      joined_at: expect.any(String),
    });
    const list = await api.call<Page<Member>>('GET', `/v1/applications/${application.id}/members`, {
      token: member.token,
    });
    expect(list.body).toEqual({ data: [added.body], has_more: false, next_cursor: null });
  });

  test('a user outside the organization is 422 not_organization_member; twice is 409 already_member', async () => {
    const { owner, member, outsider, application } = await setup();
    const path = `/v1/applications/${application.id}/members`;
    expectError(
      await api.call('POST', path, {
        token: owner.token,
        body: { user_id: outsider.user.user_id, role: 'member' },
      }),
      422,
      'not_organization_member',
    );
    expectError(
      await api.call('POST', path, { token: owner.token, body: { user_id: 'usr_unknown', role: 'member' } }),
      422,
      'not_organization_member',
    );
    await api.call('POST', path, {
      token: owner.token,
      body: { user_id: member.user.user_id, role: 'member' },
    });
    expectError(
      await api.call('POST', path, {
        token: owner.token,
        body: { user_id: member.user.user_id, role: 'member' },
      }),
      409,
      'already_member',
    );
  });

  test('only organization admins add members (403 for a member); bad input is 400', async () => {
    const { owner, member, application } = await setup();
    const path = `/v1/applications/${application.id}/members`;
    expectError(
      await api.call('POST', path, {
        token: member.token,
        body: { user_id: owner.user.user_id, role: 'member' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('POST', path, { token: owner.token, body: { role: 'member' } }),
      400,
      'invalid_request',
    );
  });
});
