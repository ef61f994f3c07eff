import { describe, expect, test } from 'vitest';
import { expectError, unique, useServer } from '../test-support/harness';
import type { Organization, Page } from '../test-support/wire-types';

const api = useServer();

describe('POST /v1/organizations', () => {
  test('creates an organization (201) and makes the user its owner', async () => {
    const { token, user } = await api.signUp('creator');
    const slug = unique('acme');
    const response = await api.call<Organization>('POST', '/v1/organizations', {
      token,
      body: { name: ' Acme ', slug },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^org_/),
      name: 'Acme',
      slug,
      created_at: expect.any(String),
      updated_at: response.body.created_at,
    });
    const members = await api.call<Page<{ user_id: string; role: string }>>(
      'GET',
      `/v1/organizations/${response.body.id}/members`,
      {
        token,
      },
    );
    expect(members.body.data).toEqual([expect.objectContaining({ user_id: user.user_id, role: 'owner' })]);
  });

  test('slugs are unique: 409 slug_taken', async () => {
    const { token } = await api.signUp('slugs');
    const organization = await api.createOrganization(token);
    const again = await api.call('POST', '/v1/organizations', {
      token,
      body: { name: 'Other', slug: organization.slug },
    });
    expectError(again, 409, 'slug_taken');
  });

  test.each([
    ['a', 'must be at least 2 characters'],
    ['x'.repeat(65), 'must be at most 64 characters'],
    ['Upper', 'must be lower-case letters and digits, with single hyphens between them'],
    ['double--hyphen', 'must be lower-case letters and digits, with single hyphens between them'],
    ['-leading', 'must be lower-case letters and digits, with single hyphens between them'],
    ['trailing-', 'must be lower-case letters and digits, with single hyphens between them'],
  ])('slug %j is 400 invalid_request (%s)', async (slug, message) => {
    const { token } = await api.signUp('badslug');
    const response = await api.call('POST', '/v1/organizations', { token, body: { name: 'N', slug } });
    expect(expectError(response, 400, 'invalid_request').details?.fields).toEqual({ slug: message });
  });

  test('slugs of 2 and 64 characters are accepted', async () => {
    const { token } = await api.signUp('edges');
    const two = await api.call('POST', '/v1/organizations', {
      token,
      body: { name: 'Two', slug: `${(Date.now() % 90) + 10}` },
    });
    expect(two.status).toBe(201);
    const long = `a${Date.now()}`.padEnd(64, 'z');
    expect(
      (await api.call('POST', '/v1/organizations', { token, body: { name: 'Long', slug: long } })).status,
    ).toBe(201);
  });

  test('without credentials: 401 unauthorized; with a bad token: 401 invalid_token; bad API key: 401 invalid_token', async () => {
    expectError(
      await api.call('POST', '/v1/organizations', { body: { name: 'N', slug: 'nn' } }),
      401,
      'unauthorized',
    );
    expectError(await api.call('GET', '/v1/organizations', { token: 'not-a-jwt' }), 401, 'invalid_token');
    expectError(await api.call('GET', '/v1/organizations', { token: 'pk_test_wrong' }), 401, 'invalid_token');
    expectError(
      await api.call('GET', '/v1/organizations', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
      401,
      'invalid_token',
    );
  });
});

describe('GET /v1/organizations', () => {
  test('a user sees only their organizations; the service key sees all', async () => {
    const alice = await api.signUp('alice');
    const bob = await api.signUp('bob');
    const aliceOrg = await api.createOrganization(alice.token);
    const bobOrg = await api.createOrganization(bob.token);
    const aliceList = await api.call<Page<Organization>>('GET', '/v1/organizations', { token: alice.token });
    expect(aliceList.body).toEqual({ data: [aliceOrg], has_more: false, next_cursor: null });
    const all = await api.call<Page<Organization>>('GET', '/v1/organizations?limit=100', {
      token: api.server.apiKey,
    });
    const ids = all.body.data.map((organization) => organization.id);
    expect(ids).toContain(aliceOrg.id);
    expect(ids).toContain(bobOrg.id);
  });

  test('the service key can create organizations that have no owner yet', async () => {
    const created = await api.call<Organization>('POST', '/v1/organizations', {
      token: api.server.apiKey,
      body: { name: 'Service', slug: unique('svc') },
    });
    expect(created.status).toBe(201);
    const members = await api.call<Page<unknown>>('GET', `/v1/organizations/${created.body.id}/members`, {
      token: api.server.apiKey,
    });
    expect(members.body.data).toEqual([]);
  });
});

describe('GET/PATCH/DELETE /v1/organizations/{org_id}', () => {
  test('a member reads; a non-member gets 404 organization_not_found (nothing revealed)', async () => {
    const owner = await api.signUp('owner');
    const stranger = await api.signUp('stranger');
    const organization = await api.createOrganization(owner.token);
    const read = await api.call<Organization>('GET', `/v1/organizations/${organization.id}`, {
      token: owner.token,
    });
    expect(read.body).toEqual(organization);
    expectError(
      await api.call('GET', `/v1/organizations/${organization.id}`, { token: stranger.token }),
      404,
      'organization_not_found',
    );
    expectError(
      await api.call('GET', '/v1/organizations/org_missing', { token: owner.token }),
      404,
      'organization_not_found',
    );
  });

  test('an admin updates name and slug; updated_at moves; slug clashes are 409', async () => {
    const { token } = await api.signUp('updater');
    const organization = await api.createOrganization(token);
    const other = await api.createOrganization(token);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const slug = unique('renamed');
    const updated = await api.call<Organization>('PATCH', `/v1/organizations/${organization.id}`, {
      token,
      body: { name: 'Renamed', slug },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: organization.id,
      name: 'Renamed',
      slug,
      created_at: organization.created_at,
    });
    expect(updated.body.updated_at > organization.updated_at).toBe(true);
    // Keeping its own slug is fine; taking another organization's is not.
    expect(
      (await api.call('PATCH', `/v1/organizations/${organization.id}`, { token, body: { slug } })).status,
    ).toBe(200);
    expectError(
      await api.call('PATCH', `/v1/organizations/${organization.id}`, { token, body: { slug: other.slug } }),
      409,
      'slug_taken',
    );
    expectError(
      await api.call('PATCH', `/v1/organizations/${organization.id}`, { token, body: { name: 42 } }),
      400,
      'invalid_request',
    );
  });

  test('a member cannot change or delete (403 forbidden); an admin cannot delete; the owner can', async () => {
    const owner = await api.signUp('owner');
    const admin = await api.signUp('admin');
    const member = await api.signUp('member');
    const organization = await api.createOrganization(owner.token);
    for (const [account, role] of [
      [admin, 'admin'],
      [member, 'member'],
    ] as const) {
      const invited = await api.call('POST', `/v1/organizations/${organization.id}/invitations`, {
        token: owner.token,
        body: { email: account.email, role },
      });
      expect(invited.status).toBe(201);
    }
    expectError(
      await api.call('PATCH', `/v1/organizations/${organization.id}`, {
        token: member.token,
        body: { name: 'Nope' },
      }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('DELETE', `/v1/organizations/${organization.id}`, { token: member.token }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('DELETE', `/v1/organizations/${organization.id}`, { token: admin.token }),
      403,
      'forbidden',
    );
    const deleted = await api.call('DELETE', `/v1/organizations/${organization.id}`, { token: owner.token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectError(
      await api.call('GET', `/v1/organizations/${organization.id}`, { token: owner.token }),
      404,
      'organization_not_found',
    );
  });

  test('deleting an organization deletes its applications and frees its slug', async () => {
    const { token } = await api.signUp('cascade');
    const organization = await api.createOrganization(token);
    const application = await api.call<{ id: string }>(
      'POST',
      `/v1/organizations/${organization.id}/applications`,
      {
        token,
        body: { name: 'App', slug: 'app' },
      },
    );
    await api.call('DELETE', `/v1/organizations/${organization.id}`, { token });
    expectError(
      await api.call('GET', `/v1/applications/${application.body.id}`, { token: api.server.apiKey }),
      404,
      'application_not_found',
    );
    const again = await api.call('POST', '/v1/organizations', {
      token,
      body: { name: 'Again', slug: organization.slug },
    });
    expect(again.status).toBe(201);
  });

  test('the service key passes every role check', async () => {
    const { token } = await api.signUp('svc');
    const organization = await api.createOrganization(token);
    const key = api.server.apiKey;
    expect((await api.call('GET', `/v1/organizations/${organization.id}`, { token: key })).status).toBe(200);
    expect(
      (
        await api.call('PATCH', `/v1/organizations/${organization.id}`, {
          token: key,
          body: { name: 'By service' },
        })
      ).status,
    ).toBe(200);
    expect((await api.call('DELETE', `/v1/organizations/${organization.id}`, { token: key })).status).toBe(
      204,
    );
  });
});
