import { PuguhError, withContext } from '@puguh/core';
import { type LocalApi, startLocalApi, useLocalApi } from '@puguh-internal/test-support';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createOrganization } from './create-organization';
import { listOrganizations } from './list-organizations';
import type { Organization } from './schemas/organization';
import {
  failure,
  lastRequest,
  newOrganization,
  sharedErrorTests,
  uniqueSlug,
} from './test-support/organizations';

const api = useLocalApi();

describe('listOrganizations', () => {
  test('GETs the list and gives a user exactly the organizations they belong to', async () => {
    const user = await api.signUp();
    const mine = [await newOrganization(user.core, 'One'), await newOrganization(user.core, 'Two')];
    await newOrganization(api.service, 'Not mine');
    api.server.clearRequests();

    const page = await listOrganizations(user.core);

    expect(Array.isArray(page)).toBe(true);
    expect([...page].sort(byId)).toEqual([...mine].sort(byId));
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    const request = lastRequest(api);
    expect(request).toMatchObject({ method: 'GET', path: '/v1/organizations', query: {}, body: undefined });
    expect(request.headers.authorization).toBe(`Bearer ${user.tokens.accessToken}`);
    expect(request.headers['idempotency-key']).toBeUndefined();
    expect(request.headers['x-puguh-organization-id']).toBeUndefined();
  });

  test('sends limit and cursor as query parameters, and the context header when set', async () => {
    const user = await api.signUp();
    const org = await newOrganization(user.core);
    const scoped = withContext(user.core, { organizationId: org.id });

    await listOrganizations(scoped, { limit: 5 });
    expect(lastRequest(api).query).toEqual({ limit: '5' });
    expect(lastRequest(api).headers['x-puguh-organization-id']).toBe(org.id);
  });

  test('a bad cursor is PuguhError 400 invalid_cursor', async () => {
    await expect(listOrganizations(api.service, { cursor: 'not-a-cursor' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'invalid_cursor',
    });
    expect(lastRequest(api).query).toEqual({ cursor: 'not-a-cursor' });
  });

  test.each([0, 101, 1.5, Number.NaN])(
    'refuses limit %s synchronously, before any request',
    async (limit) => {
      const before = api.server.requests.length;
      expect(() => listOrganizations(api.service, { limit })).toThrow(TypeError);
      expect(api.server.requests.length).toBe(before);
    },
  );

  describe('pagination over 25 organizations', () => {
    let paged: LocalApi;
    let created: Organization[];
    beforeAll(async () => {
      // A server of its own, so the service key sees exactly these 25.
      paged = await startLocalApi();
      created = [];
      for (let index = 0; index < 25; index += 1) {
        created.push(
          await createOrganization(paged.service, { name: `Org ${index}`, slug: uniqueSlug('page') }),
        );
      }
    });
    afterAll(() => paged.close());
    beforeEach(() => paged.server.clearRequests());

    test('awaiting gives the first page of 10 with hasMore and nextCursor', async () => {
      const page = await listOrganizations(paged.service, { limit: 10 });

      expect(page).toHaveLength(10);
      expect(page.hasMore).toBe(true);
      expect(page.nextCursor).toEqual(expect.any(String));
      expect(paged.server.requests).toHaveLength(1);

      const next = await listOrganizations(paged.service, {
        limit: 10,
        cursor: page.nextCursor ?? undefined,
      });
      expect(next).toHaveLength(10);
      expect(next.map((org) => org.id)).not.toContain(page[0]?.id);
      expect(lastRequest(paged).query).toEqual({ limit: '10', cursor: page.nextCursor });
    });

    test('for await over the call yields every organization exactly once', async () => {
      const seen: string[] = [];
      for await (const org of listOrganizations(paged.service, { limit: 10 })) seen.push(org.id);

      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      expect([...seen].sort()).toEqual(created.map((org) => org.id).sort());
      expect(paged.server.requests.map((request) => request.query)).toEqual([
        { limit: '10' },
        { limit: '10', cursor: expect.any(String) },
        { limit: '10', cursor: expect.any(String) },
      ]);
    });

    test('breaking out of for await stops fetching pages', async () => {
      let count = 0;
      for await (const _org of listOrganizations(paged.service, { limit: 10 })) {
        count += 1;
        if (count === 3) break;
      }
      expect(paged.server.requests).toHaveLength(1);
    });
  });

  test('an error during for await rejects the iteration', async () => {
    api.server.faults.inject({ method: 'GET', path: '/v1/organizations', status: 503 });
    const error = await failure(async () => {
      for await (const _org of listOrganizations(api.service)) {
        // unreachable: the first page fails
      }
    });
    expect(error).toBeInstanceOf(PuguhError);
    expect(error).toMatchObject({ statusCode: 503 });
  });

  sharedErrorTests(
    () => api,
    'GET',
    () => '/v1/organizations',
    async (core) => listOrganizations(core),
  );
});

function byId(a: Organization, b: Organization): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
