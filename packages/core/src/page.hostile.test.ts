import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { sendPageRequest } from './page';
import { CANARY_KEY } from './test-support/canary';
import { failure, json, useFaultServer } from './test-support/fault-server';

// Servers whose pagination never ends: auto-pagination must stop with a clear error, bounded,
// even when the loop body never runs (so the caller's own `break` cannot help).
const server = useFaultServer();
const Item = v.object({ id: v.string() });
const core = () => createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, maxRetries: 0 });
const drain = async (path = 'v1/items') => {
  const seen: unknown[] = [];
  for await (const item of sendPageRequest(core(), path, Item)) seen.push(item);
  return seen;
};

describe('hostile pagination', () => {
  test('the same next_cursor again ends with invalid_response after the second page', async () => {
    server.setDefault(json(200, { data: [{ id: 'a' }], has_more: true, next_cursor: 'c1' }));
    const error = await failure(drain());
    expect(error).toMatchObject({ name: 'PuguhError', code: 'invalid_response' });
    expect((error as Error).message).toMatch(/next_cursor repeats/);
    expect(server.hits).toHaveLength(2);
  });

  test('a cycle of cursors (a → b → a) is caught too', async () => {
    server.setDefault((response, request) => {
      const cursor = new URL(request.url ?? '', 'http://x').searchParams.get('cursor');
      json(200, { data: [{ id: 'x' }], has_more: true, next_cursor: cursor === 'a' ? 'b' : 'a' })(
        response,
        request,
      );
    });
    await expect(drain()).rejects.toMatchObject({ code: 'invalid_response' });
    expect(server.hits.length).toBeLessThanOrEqual(3);
  });

  test('has_more with empty data and a fresh cursor every time stops after 3 empty pages', async () => {
    let counter = 0;
    server.setDefault((response, request) => {
      counter += 1;
      json(200, { data: [], has_more: true, next_cursor: `fresh${counter}` })(response, request);
    });
    const error = await failure(drain());
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toMatch(/3 pages in a row had no items/);
    expect(server.hits).toHaveLength(3);
  });

  test('has_more: true with next_cursor: null is an error, not a silent end', async () => {
    server.setDefault(json(200, { data: [{ id: 'a' }], has_more: true, next_cursor: null }));
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const item of sendPageRequest(core(), 'v1/items', Item)) seen.push(item);
      })(),
    );
    expect(seen).toEqual([{ id: 'a' }]); // the items that did arrive were yielded first
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toMatch(/next_cursor is null/);
  });

  test('an honest list with some empty pages in between still completes', async () => {
    const pages: Record<string, object> = {
      start: { data: [], has_more: true, next_cursor: 'p2' },
      p2: { data: [{ id: 'a' }], has_more: true, next_cursor: 'p3' },
      p3: { data: [], has_more: true, next_cursor: 'p4' },
      p4: { data: [{ id: 'b' }], has_more: false, next_cursor: null },
    };
    server.setDefault((response, request) => {
      const cursor = new URL(request.url ?? '', 'http://x').searchParams.get('cursor') ?? 'start';
      json(200, pages[cursor])(response, request);
    });
    expect(await drain()).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
