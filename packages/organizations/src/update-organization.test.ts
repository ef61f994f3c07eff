import { PuguhError, setOrganizationContext, withContext } from '@puguh/core';
import { type SignedUpUser, useLocalApi } from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { getOrganization } from './get-organization';
import type { Organization } from './schemas/organization';
import {
  addMember,
  expectIdStaysInItsSegment,
  expectRefusedLocally,
  failure,
  lastRequest,
  newOrganization,
  sharedErrorTests,
  UUID,
  uniqueSlug,
} from './test-support/organizations';
import { updateOrganization } from './update-organization';

const api = useLocalApi();
let owner: SignedUpUser;
let org: Organization;
beforeAll(async () => {
  owner = await api.signUp('Owner');
  org = await newOrganization(owner.core, 'Before');
});

describe('updateOrganization', () => {
  test('PATCHes only the name when only the name is given', async () => {
    const updated = await updateOrganization(owner.core, { orgId: org.id, name: 'After' });

    expect(updated).toMatchObject({ id: org.id, name: 'After', slug: org.slug, createdAt: org.createdAt });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(org.updatedAt));
    const request = lastRequest(api);
    expect(request).toMatchObject({ method: 'PATCH', path: `/v1/organizations/${org.id}` });
    expect(request.body).toEqual({ name: 'After' });
    expect(request.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toMatch(UUID);
    await expect(getOrganization(owner.core, { orgId: org.id })).resolves.toEqual(updated);
  });

  test('PATCHes only the slug when only the slug is given', async () => {
    const slug = uniqueSlug('renamed');
    const updated = await updateOrganization(owner.core, { orgId: org.id, slug });

    expect(updated.slug).toBe(slug);
    expect(lastRequest(api).body).toEqual({ slug });
  });

  test('an admin may update it', async () => {
    const admin = await addMember(api, owner.core, org.id, 'admin');
    const updated = await updateOrganization(admin.core, { orgId: org.id, name: 'By the admin' });
    expect(updated.name).toBe('By the admin');
  });

  test('a member updating is PuguhError 403 forbidden', async () => {
    const member = await addMember(api, owner.core, org.id, 'member');
    const error = await failure(() => updateOrganization(member.core, { orgId: org.id, name: 'Nope' }));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
    await expect(getOrganization(owner.core, { orgId: org.id })).resolves.not.toMatchObject({ name: 'Nope' });
  });

  test('a non-member updating is 404 organization_not_found', async () => {
    const stranger = await api.signUp();
    await expect(updateOrganization(stranger.core, { orgId: org.id, name: 'Nope' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'organization_not_found',
    });
  });

  test('a slug another organization has is 409 slug_taken', async () => {
    const other = await newOrganization(api.service);
    await expect(updateOrganization(owner.core, { orgId: org.id, slug: other.slug })).rejects.toMatchObject({
      statusCode: 409,
      code: 'slug_taken',
    });
  });

  test('neither name nor slug is a TypeError before any request', async () => {
    await expectRefusedLocally(api, () => updateOrganization(owner.core, { orgId: org.id }), /name or slug/);
    await expectRefusedLocally(
      api,
      () => updateOrganization(owner.core, { orgId: org.id, name: undefined, slug: undefined }),
      /name or slug/,
    );
  });

  test('a blank name or a bad slug is a TypeError before any request', async () => {
    await expectRefusedLocally(
      api,
      () => updateOrganization(owner.core, { orgId: org.id, name: ' ' }),
      /name/,
    );
    await expectRefusedLocally(
      api,
      () => updateOrganization(owner.core, { orgId: org.id, slug: 'Acme Corp' }),
      /slug must be 2 to 64 lower-case letters/,
    );
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const core = withContext(owner.core, { organizationId: org.id });
      await updateOrganization(core, { name: 'From context' });
      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${org.id}`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const other = await newOrganization(owner.core, 'Other');
      const core = api.core({ accessToken: owner.tokens.accessToken });
      setOrganizationContext(core, org.id);

      const updated = await updateOrganization(core, { orgId: other.id, name: 'Explicit' });

      expect(updated.id).toBe(other.id);
      expect(lastRequest(api).path).toBe(`/v1/organizations/${other.id}`);
    });

    test('neither is a TypeError before any request', async () => {
      await expectRefusedLocally(api, () => updateOrganization(owner.core, { name: 'x' }), /orgId/);
    });
  });

  test.each(['../x', 'a/b'])('keeps the id %j in one path segment', async (id) => {
    await expectIdStaysInItsSegment(
      api,
      () => updateOrganization(api.service, { orgId: id, name: 'x' }),
      '/v1/organizations/',
      id,
      'organization_not_found',
    );
  });

  sharedErrorTests(
    () => api,
    'PATCH',
    () => `/v1/organizations/${org.id}`,
    (core) => updateOrganization(core, { orgId: org.id, name: 'Rate limited' }),
  );
});
