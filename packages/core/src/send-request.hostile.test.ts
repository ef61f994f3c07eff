import { describe, expect, test } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { parseRetryAfter } from './request/retry-policy';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { failure, json, useFaultServer } from './test-support/fault-server';

// Hostile error answers: whatever the server sends, the error stays finite, bounded and printable.
const server = useFaultServer();
const core = () => createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY, maxRetries: 0 });
const get = () => failure(sendRequest(core(), { method: 'GET', path: 'v1/x' }));
const huge = '9'.repeat(400);

describe('hostile error answers', () => {
  test.each([
    ['retry-after', huge],
    ['retry-after-ms', huge],
    ['retry-after', `${huge}.5`],
  ])('%s of 400 digits gives retryAfter undefined, never Infinity', async (name, value) => {
    server.setDefault(json(429, { error: { code: 'rate_limited', message: 'slow' } }, { [name]: value }));
    const error = (await get()) as { retryAfter?: number; name: string };
    expect(error.name).toBe('RateLimitError');
    expect(error.retryAfter).toBeUndefined();
    expect(Number.isNaN(parseRetryAfter(new Headers({ [name]: value })))).toBe(true);
  });

  test('details nested 100,000 levels deep are cut: JSON.stringify(error) works and stays small', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    server.setDefault((response) => {
      response.writeHead(422, { 'content-type': 'application/json' });
      response.end(`{"error":{"code":"invalid","message":"bad","details":${deep}}}`);
    });
    const error = await get();
    const printed = JSON.stringify(error);
    expect(printed.length).toBeLessThan(1_000);
    expect(printed).toContain('[truncated]');
    expect(error).toMatchObject({ code: 'invalid', statusCode: 422 });
  });

  test('wide details are cut too: 50 keys, 50 items, 1,000 characters a string', async () => {
    const details = {
      list: Array.from({ length: 500 }, () => 'x'.repeat(5_000)),
      ...Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`k${index}`, index])),
    };
    server.setDefault(json(400, { error: { code: 'invalid', message: 'bad', details } }));
    const kept = ((await get()) as { details: Record<string, unknown> }).details;
    expect(Object.keys(kept)).toHaveLength(51);
    expect(kept['…']).toBe('[truncated]');
    const list = kept.list as string[];
    expect(list).toHaveLength(51);
    expect(list.at(-1)).toBe('[truncated]');
    expect(list[0]).toHaveLength(1_000);
  });

  test('a 15,000-character X-Request-Id is cut to 128; a code that is not an identifier is api_error', async () => {
    server.setDefault(
      json(
        500,
        { error: { code: `x${'\n'.repeat(10)}${'y'.repeat(10_000)}`, message: 'm' } },
        {
          'x-request-id': 'r'.repeat(15_000),
        },
      ),
    );
    const error = (await get()) as { requestId: string; code: string };
    expect(error.requestId).toHaveLength(128);
    expect(error.code).toBe('api_error');
  });

  test('a __proto__ key in error details stays data: no prototype is polluted', async () => {
    server.setDefault((response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end('{"error":{"code":"bad","message":"m","details":{"__proto__":{"isAdmin":true},"a":1}}}');
    });
    const details = ((await get()) as { details: Record<string, unknown> }).details;
    expect((details as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(details)).toBe(Object.prototype);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(details.a).toBe(1);
  });
});
