import type { Member } from '@puguh/core';
import { AuthError, PuguhError, RateLimitError, withContext } from '@puguh/core';
import {
  addOrganizationMember,
  createOrganization,
  ISO_TIMESTAMP,
  type SignedUpUser,
  uniqueSlug,
  useLocalApi,
} from '@puguh-internal/test-support';
import { beforeAll, describe, expect, test } from 'vitest';
import { addApplicationMember } from './add-application-member';
import { createApplication } from './create-application';
import { listApplicationMembers } from './list-application-members';
import type { Application } from './schemas/application';

const api = useLocalApi();
let owner: SignedUpUser;
let app: Application;
let emptyApp: Application;
let added: Member[];
beforeAll(async () => {
  owner = await api.signUp('Ada Owner');
  const orgId = await createOrganization(owner.core);
  app = await createApplication(owner.core, { orgId, name: 'Main', slug: uniqueSlug('main') });
  emptyApp = await createApplication(owner.core, { orgId, name: 'Empty', slug: uniqueSlug('empty') });
  added = [];
  for (let index = 1; index <= 12; index++) {
    const user = await api.signUp(`Member ${index}`);
    await addOrganizationMember(owner.core, orgId, user.email, 'member');
    added.push(
      await addApplicationMember(owner.core, { appId: app.id, userId: user.user.userId, role: 'member' }),
    );
  }
});

const byUser = (members: readonly Member[]) => [...members].sort((a, b) => a.userId.localeCompare(b.userId));

describe('listApplicationMembers', () => {
  test('awaiting gives the first page of typed members', async () => {
    const page = await listApplicationMembers(owner.core, { appId: app.id, limit: 5 });

    expect(page).toHaveLength(5);
    expect(page.hasMore).toBe(true);
    for (const member of page) {
      expect(member).toEqual({
        userId: expect.stringMatching(/^usr_/),
        email: expect.stringContaining('@'),
        fullName: expect.stringMatching(/^Member \d+$/),
        role: 'member',
        joinedAt: expect.stringMatching(ISO_TIMESTAMP),
      });
    }
    const [request] = api.server.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/applications/${app.id}/members`,
      query: { limit: '5' },
    });
    expect(request?.headers.authorization).toBe(`Bearer ${owner.tokens.accessToken}`);
  });

  test('for await walks every page', async () => {
    const seen: Member[] = [];
    for await (const member of listApplicationMembers(owner.core, { appId: app.id, limit: 5 }))
      seen.push(member);

    expect(byUser(seen)).toEqual(byUser(added));
    expect(api.server.requests).toHaveLength(3);
    expect(api.server.requests[2]?.query.cursor).toEqual(expect.any(String));
  });

  test('a caller outside the organization gets 404 application_not_found', async () => {
    const stranger = await api.signUp('Sam Stranger');
    const error = await listApplicationMembers(stranger.core, { appId: app.id }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 404, code: 'application_not_found' });
  });

  test('uses the application context when no appId is given; an explicit appId wins', async () => {
    const scoped = withContext(owner.core, { applicationId: app.id });
    const fromContext = await listApplicationMembers(scoped, { limit: 100 });
    expect(byUser(fromContext)).toEqual(byUser(added));
    expect(api.server.requests[0]?.path).toBe(`/v1/applications/${app.id}/members`);
    expect(api.server.requests[0]?.headers['x-puguh-application-id']).toBe(app.id);

    const explicit = await listApplicationMembers(scoped, { appId: emptyApp.id });
    expect(explicit.every((member) => !added.some((other) => other.userId === member.userId))).toBe(true);
    expect(api.server.requests[1]?.path).toBe(`/v1/applications/${emptyApp.id}/members`);
  });

  test('without appId or context it throws a TypeError at once and sends nothing', () => {
    expect(() => listApplicationMembers(owner.core)).toThrow(/appId is required/);
    expect(() => listApplicationMembers(owner.core, { appId: app.id, cursor: '' })).toThrow(TypeError);
    expect(api.server.requests).toHaveLength(0);
  });

  test('a bogus token is an AuthError', async () => {
    const bogus = api.core({ accessToken: 'not-a-real-token' });
    const error = await listApplicationMembers(bogus, { appId: app.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('a 429 is a RateLimitError', async () => {
    api.server.faults.inject({ path: `/v1/applications/${app.id}/members`, status: 429 });
    const error = await listApplicationMembers(owner.core, { appId: app.id }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429 });
  });
});
