import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPuguhCore } from '@puguh/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPlans } from './get-plans';

// A hostile server writes numbers JSON can carry but no price or limit can be: each must be an
// invalid_response, never Infinity, a negative limit or a silently rounded amount.
let body = '';
let server: Server;
let baseUrl = '';
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const plan = (amount: string, apiCalls: string) =>
  `{"data":[{"id":"plan_x","name":"X","price":"$1","amount":${amount},"currency":"usd","interval":"month","features":[],"limits":{"api_calls":${apiCalls},"members":null,"applications":null}}]}`;

describe('numbers from a hostile server', () => {
  test.each([
    ['a limit of 1e400 (Infinity after JSON.parse)', plan('100', '1e400')],
    ['a negative limit', plan('100', '-5')],
    ['a limit of -0', plan('100', '-0')],
    ['a fractional limit', plan('100', '2.5')],
    ['an amount past 2^53 (silently rounded)', plan('9007199254740993', '10')],
    ['a negative amount', plan('-100', '10')],
  ])('%s is invalid_response', async (_name, text) => {
    body = text;
    await expect(getPlans(createPuguhCore({ baseUrl, maxRetries: 0 }))).rejects.toMatchObject({
      name: 'PuguhError',
      code: 'invalid_response',
    });
  });

  test('honest numbers still pass, null limits included', async () => {
    body = plan('0', '1000000');
    const [only] = await getPlans(createPuguhCore({ baseUrl }));
    expect(only).toMatchObject({ amount: 0, limits: { apiCalls: 1_000_000, members: null } });
  });
});
