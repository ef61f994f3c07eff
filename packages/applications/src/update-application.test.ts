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
import { updateApplication } from './update-application';

const api = useLocalApi();
let owner: SignedUpUser;
let orgId: string;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  orgId = await createOrganization(owner.core);
});

async function newApplication() {
  const app = await createApplication(owner.core, { orgId, name: 'Before', slug: uniqueSlug('before') });
  api.server.clearRequests();
  return app;
}

describe('updateApplication', () => {
  test('renames an application, sending only the changed field', async () => {
    const app = await newApplication();
    const updated = await updateApplication(owner.core, { appId: app.id, name: 'My SaaS App v2' });

    expect(updated).toEqual({
      ...app,
      name: 'My SaaS App v2',
      updatedAt: expect.stringMatching(ISO_TIMESTAMP),
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(app.updatedAt));
    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'PATCH', path: `/v1/applications/${app.id}` });
    expect(request?.body).toEqual({ name: 'My SaaS App v2' });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toMatch(UUID);

    expect(await getApplication(owner.core, { appId: app.id })).toEqual(updated);
  });

  test('changes the slug and the name together', async () => {
    const app = await newApplication();
    const slug = uniqueSlug('after');
    const updated = await updateApplication(owner.core, { appId: app.id, name: 'After', slug });
    expect(updated).toMatchObject({ id: app.id, name: 'After', slug });
    expect(api.server.requests[0]?.body).toEqual({ name: 'After', slug });
  });

  test('a slug another application uses is 409 slug_taken', async () => {
    const first = await newApplication();
    const second = await newApplication();
    const error = await updateApplication(owner.core, { appId: second.id, slug: first.slug }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 409, code: 'slug_taken' });
  });

  test('a plain member of the organization is refused with 403 forbidden', async () => {
    const app = await newApplication();
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const error = await updateApplication(member.core, { appId: app.id, name: 'Nope' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
  });

  test('an admin of the organization may update it', async () => {
    const app = await newApplication();
    const admin = await api.signUp('Al Admin');
    await addOrganizationMember(owner.core, orgId, admin.email, 'admin');
    expect(await updateApplication(admin.core, { appId: app.id, name: 'By admin' })).toMatchObject({
      name: 'By admin',
    });
  });

  test('a caller outside the organization gets 404 application_not_found', async () => {
    const app = await newApplication();
    const stranger = await api.signUp('Sam Stranger');
    const error = await updateApplication(stranger.core, { appId: app.id, name: 'Mine' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
  });

  test('needs at least one field, and no blank ones, before sending', async () => {
    await expect(updateApplication(owner.core, { appId: 'app_1' })).rejects.toThrow(
      /at least one of name or slug/,
    );
    await expect(updateApplication(owner.core, { appId: 'app_1', name: undefined })).rejects.toThrow(
      TypeError,
    );
    await expect(updateApplication(owner.core, { appId: 'app_1', name: '  ' })).rejects.toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('uses the application context when no appId is given; an explicit appId wins', async () => {
    const app = await newApplication();
    const other = await newApplication();
    const scoped = withContext(owner.core, { applicationId: app.id });

    expect(await updateApplication(scoped, { name: 'Context' })).toMatchObject({
      id: app.id,
      name: 'Context',
    });
    expect(api.server.requests[0]?.path).toBe(`/v1/applications/${app.id}`);
    expect(api.server.requests[0]?.headers['x-puguh-application-id']).toBe(app.id);

    expect(await updateApplication(scoped, { appId: other.id, name: 'Explicit' })).toMatchObject({
      id: other.id,
      name: 'Explicit',
    });
    expect(api.server.requests[1]?.path).toBe(`/v1/applications/${other.id}`);
  });

  test('without appId or context it throws a TypeError and sends nothing', async () => {
    await expect(updateApplication(owner.core, { name: 'Lost' })).rejects.toThrow(/appId is required/);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const app = await newApplication();
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await updateApplication(bogus, { appId: app.id, name: 'X' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    const app = await newApplication();
    api.server.faults.inject({ method: 'PATCH', path: `/v1/applications/${app.id}`, status: 429 });
    const error = await updateApplication(owner.core, { appId: app.id, name: 'X' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
