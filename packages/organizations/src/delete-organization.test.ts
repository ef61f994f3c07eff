import { PuguhError, setOrganizationContext, withContext } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { deleteOrganization } from './delete-organization';
import { getOrganization } from './get-organization';
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

describe('deleteOrganization', () => {
  test('the owner DELETEs it; it resolves undefined and the organization is gone', async () => {
    const owner = await api.signUp();
    const org = await newOrganization(owner.core);
    api.server.clearRequests();

    await expect(deleteOrganization(owner.core, { orgId: org.id })).resolves.toBeUndefined();

    const request = lastRequest(api);
    expect(request).toMatchObject({ method: 'DELETE', path: `/v1/organizations/${org.id}`, body: undefined });
    expect(request.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toBeUndefined();
    await expect(getOrganization(api.service, { orgId: org.id })).rejects.toMatchObject({
      statusCode: 404,
      code: 'organization_not_found',
    });
  });

  test.each(['admin', 'member'] as const)('an %s deleting is PuguhError 403 forbidden', async (role) => {
    const owner = await api.signUp();
    const org = await newOrganization(owner.core);
    const other = await addMember(api, owner.core, org.id, role);

    const error = await failure(() => deleteOrganization(other.core, { orgId: org.id }));

    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
    await expect(getOrganization(owner.core, { orgId: org.id })).resolves.toEqual(org);
  });

  test('a non-member deleting is 404 organization_not_found', async () => {
    const org = await newOrganization(api.service);
    const stranger = await api.signUp();
    await expect(deleteOrganization(stranger.core, { orgId: org.id })).rejects.toMatchObject({
      statusCode: 404,
      code: 'organization_not_found',
    });
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const owner = await api.signUp();
      const org = await newOrganization(owner.core);
      const core = withContext(owner.core, { organizationId: org.id });

      await deleteOrganization(core);

      const request = lastRequest(api);
      expect(request).toMatchObject({ method: 'DELETE', path: `/v1/organizations/${org.id}` });
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const kept = await newOrganization(api.service, 'Kept');
      const doomed = await newOrganization(api.service, 'Doomed');
      const core = api.core({ apiKey: api.server.apiKey });
      setOrganizationContext(core, kept.id);

      await deleteOrganization(core, { orgId: doomed.id });

      expect(lastRequest(api).path).toBe(`/v1/organizations/${doomed.id}`);
      await expect(getOrganization(core)).resolves.toEqual(kept);
    });

    test('neither is a TypeError before any request', async () => {
      await expectRefusedLocally(api, () => deleteOrganization(api.service), /orgId/);
    });
  });

  test.each(['../x', 'a/b'])('keeps the id %j in one path segment', async (id) => {
    await expectIdStaysInItsSegment(
      api,
      () => deleteOrganization(api.service, { orgId: id }),
      '/v1/organizations/',
      id,
      'organization_not_found',
    );
  });

  sharedErrorTests(
    () => api,
    'DELETE',
    () => /^\/v1\/organizations\/org_/,
    async (core) => deleteOrganization(core, { orgId: (await newOrganization(api.service)).id }),
  );
});
