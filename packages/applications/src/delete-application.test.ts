import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  type SignedUpUser,
  uniqueSlug,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApplication } from './create-application';
import { deleteApplication } from './delete-application';
import { getApplication } from './get-application';

const api = useLocalApi();
let owner: SignedUpUser;
let orgId: string;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  orgId = await createOrganization(owner.core);
});

async function newApplication() {
  const app = await createApplication(owner.core, { orgId, name: 'Doomed', slug: uniqueSlug('doomed') });
  api.server.clearRequests();
  return app;
}

async function expectGone(appId: string) {
  const error = await getApplication(owner.core, { appId }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
}

describe('deleteApplication', () => {
  test('deletes an application and resolves to undefined', async () => {
    const app = await newApplication();
    await expect(deleteApplication(owner.core, { appId: app.id })).resolves.toBeUndefined();

    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'DELETE', path: `/v1/applications/${app.id}`, body: undefined });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toBeUndefined();
    await expectGone(app.id);
  });

  test('deleting it again is 404 application_not_found', async () => {
    const app = await newApplication();
    await deleteApplication(owner.core, { appId: app.id });
    const error = await deleteApplication(owner.core, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
  });

  test('a plain member of the organization is refused with 403 forbidden, and nothing is deleted', async () => {
    const app = await newApplication();
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, orgId, member.email, 'member');
    const error = await deleteApplication(member.core, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden' });
    expect(await getApplication(owner.core, { appId: app.id })).toEqual(app);
  });

  test('a caller outside the organization gets 404 application_not_found', async () => {
    const app = await newApplication();
    const stranger = await api.signUp('Sam Stranger');
    const error = await deleteApplication(stranger.core, { appId: app.id }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
    expect(await getApplication(owner.core, { appId: app.id })).toEqual(app);
  });

  test('uses the application context when no appId is given; an explicit appId wins', async () => {
    const fromContext = await newApplication();
    const explicit = await newApplication();
    const scoped = withContext(owner.core, { applicationId: fromContext.id });

    await deleteApplication(scoped, { appId: explicit.id });
    expect(api.server.requests[0]?.path).toBe(`/v1/applications/${explicit.id}`);
    await expectGone(explicit.id);
    expect(await getApplication(owner.core, { appId: fromContext.id })).toEqual(fromContext);

    api.server.clearRequests();
    await deleteApplication(scoped);
    expect(api.server.requests[0]?.path).toBe(`/v1/applications/${fromContext.id}`);
    expect(api.server.requests[0]?.headers['x-puguh-application-id']).toBe(fromContext.id);
    await expectGone(fromContext.id);
  });

  test('without appId or context it throws a TypeError and sends nothing', async () => {
    await expect(deleteApplication(owner.core)).rejects.toThrow(TypeError);
    await expect(deleteApplication(owner.core, { appId: '..' })).rejects.toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const app = await newApplication();
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await deleteApplication(bogus, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    const app = await newApplication();
    api.server.faults.inject({ method: 'DELETE', path: `/v1/applications/${app.id}`, status: 429 });
    const error = await deleteApplication(owner.core, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
