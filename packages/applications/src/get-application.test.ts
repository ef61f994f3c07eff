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
import { getApplication } from './get-application';
import type { Application } from './schemas/application';

const api = useLocalApi();
let owner: SignedUpUser;
let app: Application;
let other: Application;
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  const orgId = await createOrganization(owner.core);
  app = await createApplication(owner.core, { orgId, name: 'Main', slug: uniqueSlug('main') });
  other = await createApplication(owner.core, { orgId, name: 'Other', slug: uniqueSlug('other') });
});

describe('getApplication', () => {
  test('fetches an application by id', async () => {
    const fetched = await getApplication(owner.core, { appId: app.id });

    expect(fetched).toEqual(app);
    expect(api.server.requests).toHaveLength(1);
    const [request] = api.server.requests;
    expect(request).toMatchObject({ method: 'GET', path: `/v1/applications/${app.id}`, body: undefined });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
    expect(request?.headers['idempotency-key']).toBeUndefined();
  });

  test('a plain member of the organization may read it', async () => {
    const member = await api.signUp('Mo Member');
    await addOrganizationMember(owner.core, app.organizationId, member.email, 'member');
    expect(await getApplication(member.core, { appId: app.id })).toEqual(app);
  });

  test('the service key reads any application', async () => {
    expect(await getApplication(api.service, { appId: app.id })).toEqual(app);
    expect(api.server.requests[0]?.headers.authorization).toBe(`Bearer ${api.server.apiKey}`);
  });

  test('a caller outside the organization gets 404 application_not_found', async () => {
    const stranger = await api.signUp('Sam Stranger');
    const error = await getApplication(stranger.core, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
  });

  test('uses the application context when no appId is given', async () => {
    const scoped = withContext(owner.core, { applicationId: app.id });
    expect(await getApplication(scoped)).toEqual(app);
    const [request] = api.server.requests;
    expect(request?.path).toBe(`/v1/applications/${app.id}`);
    expect(request?.headers['x-puguh-application-id']).toBe(app.id);
  });

  test('an explicit appId wins over the context', async () => {
    const scoped = withContext(owner.core, { applicationId: app.id });
    expect(await getApplication(scoped, { appId: other.id })).toEqual(other);
    expect(api.server.requests[0]?.path).toBe(`/v1/applications/${other.id}`);
  });

  test('without appId or context it throws a TypeError and sends nothing', async () => {
    await expect(getApplication(owner.core)).rejects.toThrow(TypeError);
    await expect(getApplication(owner.core, {})).rejects.toThrow(/appId is required/);
    await expect(getApplication(owner.core, { appId: '' })).rejects.toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await getApplication(bogus, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    api.server.faults.inject({
      path: `/v1/applications/${app.id}`,
      status: 429,
      headers: { 'retry-after': '5' },
    });
    const error = await getApplication(owner.core, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 5 });
  });
});
