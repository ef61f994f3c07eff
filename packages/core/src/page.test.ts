import * as v from 'valibot';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { sendPageRequest } from './page';
import { CANARY_KEY } from './test-support/canary';
import { apiError, type FaultServer, json, startFaultServer } from './test-support/fault-server';

let server: FaultServer;
const Item = v.pipe(
  v.object({ item_id: v.string() }),
  v.transform((wire) => ({ itemId: wire.item_id })),
);
const core = () => createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, maxRetries: 0 });

beforeAll(async () => {
  server = await startFaultServer();
  // Seven items served three per page; the cursor is the offset.
  server.setDefault((response, request) => {
    const query = new URL(request.url ?? '', 'http://x').searchParams;
    const offset = Number(query.get('cursor') ?? 0);
    const limit = Number(query.get('limit') ?? 3);
    const data = Array.from({ length: 7 }, (_, index) => ({ item_id: `i${index}` })).slice(
      offset,
      offset + limit,
    );
    const next = offset + limit < 7 ? String(offset + limit) : null;
    json(200, { data, has_more: next !== null, next_cursor: next })(response, request);
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.hits.length = 0;
});

describe('pages', () => {
  test('awaiting gives the first page: a real array with hasMore and nextCursor', async () => {
    const page = await sendPageRequest(core(), 'v1/items', Item, { limit: 3 });
    expect(Array.isArray(page)).toBe(true);
    expect(page).toEqual([{ itemId: 'i0' }, { itemId: 'i1' }, { itemId: 'i2' }]);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe('3');
    expect(Object.keys(page)).toEqual(['0', '1', '2']);
    expect(server.hits.map((hit) => hit.url)).toEqual(['/v1/items?limit=3']);
  });

  test('for await yields every item of every page once, reusing the first request', async () => {
    const seen: string[] = [];
    for await (const item of sendPageRequest(core(), 'v1/items', Item, { limit: 3 })) seen.push(item.itemId);
    expect(seen).toEqual(['i0', 'i1', 'i2', 'i3', 'i4', 'i5', 'i6']);
    expect(server.hits.map((hit) => hit.url)).toEqual([
      '/v1/items?limit=3',
      '/v1/items?limit=3&cursor=3',
      '/v1/items?limit=3&cursor=6',
    ]);
  });

  test('stopping early fetches no further page', async () => {
    for await (const item of sendPageRequest(core(), 'v1/items', Item, { limit: 3 })) {
      if (item.itemId === 'i1') break;
    }
    expect(server.hits).toHaveLength(1);
  });

  test('a cursor starts in the middle; the last page says so', async () => {
    const page = await sendPageRequest(core(), 'v1/items', Item, { limit: 3, cursor: '6' });
    expect(page).toEqual([{ itemId: 'i6' }]);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
  });

  test('bad pagination input is a TypeError before any request', () => {
    for (const parameters of [{ limit: 0 }, { limit: 101 }, { limit: 1.5 }, { cursor: '' }]) {
      expect(() => sendPageRequest(core(), 'v1/items', Item, parameters)).toThrow(TypeError);
    }
    expect(server.hits).toHaveLength(0);
  });

  test('a failing page rejects both await and iteration', async () => {
    server.script(apiError(404, 'not_found', 'gone'));
    await expect(sendPageRequest(core(), 'v1/items', Item)).rejects.toMatchObject({ statusCode: 404 });
    server.script(
      json(200, { data: [{ item_id: 'a' }], has_more: true, next_cursor: 'x' }),
      apiError(500, 'internal', 'boom'),
    );
    const iterate = async () => {
      for await (const _ of sendPageRequest(core(), 'v1/items', Item)) {
        // consume
      }
    };
    await expect(iterate()).rejects.toMatchObject({ statusCode: 500 });
  });
});
