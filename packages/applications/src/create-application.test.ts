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
import { createApplication } from './create-application';
import { getApplication } from './get-application';

const api = useLocalApi();
let owner: SignedUpUser;
let orgId: string;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  orgId = await createOrganization(owner.core);
});

describe('createApplication', () => {
  test('creates an application in an organization the user owns', async () => {
    const slug = uniqueSlug('app');
    const app = await createApplication(owner.core, { orgId, name: 'My SaaS App', slug });

    expect(app).toEqual({
      id: expect.stringMatching(/^app_/),
      organizationId: orgId,
      name: 'My SaaS App',
      slug,
      createdAt: expect.stringMatching(ISO_TIMESTAMP),
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
    });
    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1/organizations/${orgId}/applications`,
      body: { name: 'My SaaS App', slug },
    });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toMatch(UUID);
    expect(request?.headers['x-puguh-organization-id']).toBeUndefined();

    expect(await getApplication(owner.core, { appId: app.id })).toEqual(app);
  });

  test('a slug already used in the organization is 409 slug_taken', async () => {
    const slug = uniqueSlug('taken');
    await createApplication(owner.core, { orgId, name: 'First', slug });
    const error = await createApplication(owner.core, { orgId, name: 'Second', slug }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'slug_taken' });
  });

  test('a plain member of the organization is refused with 403 forbidden', async () => {
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const error = await createApplication(member.core, {
      orgId,
      name: 'Nope',
      slug: uniqueSlug('nope'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('an organization the caller does not belong to is 404 organization_not_found', async () => {
    const stranger = await api.signUp('Sam Stranger');
    const error = await createApplication(stranger.core, {
      orgId,
      name: 'Intruder',
      slug: uniqueSlug('intruder'),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
  });

  test('uses the organization context when no orgId is given', async () => {
    const scoped = withContext(owner.core, { organizationId: orgId });
    const app = await createApplication(scoped, { name: 'From context', slug: uniqueSlug('ctx') });

    expect(app.organizationId).toBe(orgId);
    const [request] = api.server.requests;
    expect(request?.path).toBe(`/v1/organizations/${orgId}/applications`);
    expect(request?.headers['x-puguh-organization-id']).toBe(orgId);
  });

  test('an explicit orgId wins over the context', async () => {
    const otherOrgId = await createOrganization(owner.core);
    api.server.clearRequests();
    const scoped = withContext(owner.core, { organizationId: orgId });
    const app = await createApplication(scoped, {
      orgId: otherOrgId,
      name: 'Explicit',
      slug: uniqueSlug('explicit'),
    });

    expect(app.organizationId).toBe(otherOrgId);
    expect(api.server.requests[0]?.path).toBe(`/v1/organizations/${otherOrgId}/applications`);
  });

  test('without orgId or context it throws a TypeError and sends nothing', async () => {
    await expect(createApplication(owner.core, { name: 'Lost', slug: 'lost' })).rejects.toThrow(
      /orgId is required/,
    );
    await expect(createApplication(owner.core, { name: 'Lost', slug: 'lost' })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(api.server.requests).toHaveLength(0);
  });

  test('checks name and slug before sending', async () => {
    await expect(createApplication(owner.core, { orgId, name: '', slug: 'ok' })).rejects.toThrow(TypeError);
    await expect(
      createApplication(owner.core, { orgId, name: 'Ok' } as unknown as Parameters<
        typeof createApplication
      >[1]),
    ).rejects.toThrow(/slug/);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await createApplication(bogus, { orgId, name: 'X', slug: uniqueSlug('x') }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    api.server.faults.inject({
      method: 'POST',
      path: `/v1/organizations/${orgId}/applications`,
      status: 429,
      headers: { 'retry-after': '3' },
    });
    const error = await createApplication(owner.core, { orgId, name: 'X', slug: uniqueSlug('x') }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 3 });
  });
});
