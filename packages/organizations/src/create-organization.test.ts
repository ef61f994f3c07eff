import { PuguhError, withContext } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { createOrganization } from './create-organization';
import { listOrganizationMembers } from './list-organization-members';
import {
  expectRefusedLocally,
  failure,
  ISO,
  lastRequest,
  sharedErrorTests,
  UUID,
  uniqueSlug,
} from './test-support/organizations';

const api = useLocalApi();

describe('createOrganization', () => {
  test('POSTs the name and slug as the user and returns the organization', async () => {
    const user = await api.signUp();
    const slug = uniqueSlug('acme');
    api.server.clearRequests();

    const org = await createOrganization(user.core, { name: 'Acme Corp', slug });

    expect(org).toEqual({
      id: expect.stringMatching(/^org_/),
      name: 'Acme Corp',
      slug,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
    expect(api.server.requests).toHaveLength(1);
    const request = lastRequest(api);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/organizations',
      body: { name: 'Acme Corp', slug },
    });
    expect(request.headers.authorization).toBe(`Bearer ${user.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toMatch(UUID);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-puguh-organization-id']).toBeUndefined();
  });

  test('makes the creating user its owner', async () => {
    const user = await api.signUp('Olive Owner');
    const org = await createOrganization(user.core, { name: 'Owned', slug: uniqueSlug() });

    const members = await listOrganizationMembers(user.core, { orgId: org.id });

    expect([...members]).toEqual([
      {
        userId: user.user.userId,
        email: user.email,
        fullName: 'Olive Owner',
        role: 'owner',
        joinedAt: expect.stringMatching(ISO),
      },
    ]);
  });

  test('works with the service key', async () => {
    const org = await createOrganization(api.service, { name: 'Service made', slug: uniqueSlug() });
    expect(org.name).toBe('Service made');
    expect(lastRequest(api).headers.authorization).toBe(`Bearer ${api.server.apiKey}`);
  });

  test('sends the organization context header when the core has one', async () => {
    const user = await api.signUp();
    const parent = await createOrganization(user.core, { name: 'Parent', slug: uniqueSlug() });
    const scoped = withContext(user.core, { organizationId: parent.id });

    await createOrganization(scoped, { name: 'Child', slug: uniqueSlug() });

    expect(lastRequest(api).headers['x-puguh-organization-id']).toBe(parent.id);
  });

  test('a duplicate slug is PuguhError 409 slug_taken', async () => {
    const slug = uniqueSlug();
    await createOrganization(api.service, { name: 'First', slug });

    const error = await failure(() => createOrganization(api.service, { name: 'Second', slug }));

    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'slug_taken' });
    expect((error as PuguhError).requestId).toMatch(/^req_/);
  });

  test.each([
    ['spaces and capitals', 'Acme Corp'],
    ['one character', 'a'],
    ['65 characters', 'a'.repeat(65)],
    ['a leading hyphen', '-acme'],
    ['a double hyphen', 'acme--corp'],
    ['an underscore', 'acme_corp'],
    ['an empty string', ''],
    ['a number', 42],
  ])('refuses a slug with %s before sending', async (_label, slug) => {
    const message =
      /slug must be 2 to 64 lower-case letters and digits with single hyphens, such as "acme-corp"/;
    await expectRefusedLocally(
      api,
      () => createOrganization(api.service, { name: 'Acme', slug: slug as string }),
      message,
    );
  });

  test('accepts a slug of exactly 2 and 64 characters', async () => {
    await expect(createOrganization(api.service, { name: 'Short', slug: 'x1' })).resolves.toMatchObject({
      slug: 'x1',
    });
    const long = `${uniqueSlug('l')}-${'a'.repeat(64)}`.slice(0, 64);
    expect(long).toHaveLength(64);
    await expect(createOrganization(api.service, { name: 'Long', slug: long })).resolves.toMatchObject({
      slug: long,
    });
  });

  test.each([
    ['empty', ''],
    ['blank', '   '],
    ['missing', undefined],
  ])('refuses a name that is %s before sending', async (_label, name) => {
    await expectRefusedLocally(
      api,
      () => createOrganization(api.service, { name: name as string, slug: uniqueSlug() }),
      /name/,
    );
  });

  sharedErrorTests(
    () => api,
    'POST',
    () => '/v1/organizations',
    (core) => createOrganization(core, { name: 'Acme', slug: uniqueSlug() }),
  );
});
