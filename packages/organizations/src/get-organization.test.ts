import { PuguhError, setOrganizationContext } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
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
} from './test-support/organizations';

const api = useLocalApi();
let org: Organization;
beforeAll(async () => {
  org = await newOrganization(api.service, 'Fetched');
});

describe('getOrganization', () => {
  test('GETs the organization by id and returns it', async () => {
    const user = await api.signUp();
    const own = await newOrganization(user.core, 'Mine');
    api.server.clearRequests();

    const fetched = await getOrganization(user.core, { orgId: own.id });

    expect(fetched).toEqual(own);
    const request = lastRequest(api);
    expect(request).toMatchObject({ method: 'GET', path: `/v1/organizations/${own.id}`, body: undefined });
    expect(request.headers.authorization).toBe(`Bearer ${user.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toBeUndefined();
  });

  test('a member may read it', async () => {
    const owner = await api.signUp();
    const own = await newOrganization(owner.core);
    const member = await addMember(api, owner.core, own.id, 'member');

    await expect(getOrganization(member.core, { orgId: own.id })).resolves.toEqual(own);
  });

  test('a non-member gets PuguhError 404 organization_not_found', async () => {
    const stranger = await api.signUp();
    const error = await failure(() => getOrganization(stranger.core, { orgId: org.id }));
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('an unknown id is 404 organization_not_found', async () => {
    await expect(getOrganization(api.service, { orgId: 'org_does_not_exist' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'organization_not_found',
    });
  });

  describe('organization context', () => {
    test('with a context, needs no orgId and sends the context header', async () => {
      const core = api.core({ apiKey: api.server.apiKey });
      setOrganizationContext(core, org.id);

      await expect(getOrganization(core)).resolves.toEqual(org);

      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${org.id}`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('an explicit orgId wins over the context', async () => {
      const other = await newOrganization(api.service, 'Other');
      const core = api.core({ apiKey: api.server.apiKey });
      setOrganizationContext(core, org.id);

      await expect(getOrganization(core, { orgId: other.id })).resolves.toEqual(other);

      const request = lastRequest(api);
      expect(request.path).toBe(`/v1/organizations/${other.id}`);
      expect(request.headers['x-puguh-organization-id']).toBe(org.id);
    });

    test('neither is a TypeError before any request', async () => {
      await expectRefusedLocally(api, () => getOrganization(api.service), /orgId.*setOrganizationContext/);
      await expectRefusedLocally(api, () => getOrganization(api.service, {}), /orgId/);
      await expectRefusedLocally(api, () => getOrganization(api.service, { orgId: '' }), /orgId/);
    });
  });

  test.each(['../x', 'a/b', 'a?b=1', 'a#b', '%2e%2e'])('keeps the id %j in one path segment', async (id) => {
    await expectIdStaysInItsSegment(
      api,
      () => getOrganization(api.service, { orgId: id }),
      '/v1/organizations/',
      id,
      'organization_not_found',
    );
  });

  test.each(['.', '..'])('refuses the id %j before sending', async (id) => {
    await expectRefusedLocally(api, () => getOrganization(api.service, { orgId: id }));
  });

  sharedErrorTests(
    () => api,
    'GET',
    () => `/v1/organizations/${org.id}`,
    (core) => getOrganization(core, { orgId: org.id }),
  );
});
