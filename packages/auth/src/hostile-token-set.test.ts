import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPuguhCore } from '@puguh/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { login } from './login';

// `expires_in: 1e400` parses to Infinity: a token set with it is invalid_response, not a session
// that never expires.
let server: Server;
let baseUrl = '';
let expiresIn = '';
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      `{"access_token":"a.b.c","refresh_token":"rt","token_type":"Bearer","expires_in":${expiresIn},"expires_at":"2026-12-02T00:00:00Z","user":{"user_id":"usr_1","email":"a@example.test","full_name":"A","created_at":"2026-12-01T00:00:00Z"}}`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test.each(['1e400', '-900', '900.5'])('expires_in %s is invalid_response', async (value) => {
  expiresIn = value;
  await expect(
    login(createPuguhCore({ baseUrl, maxRetries: 0 }), {
      email: 'a@example.test',
      password: 'long password 1',
    }),
  ).rejects.toMatchObject({ code: 'invalid_response' });
});

test('an honest expires_in passes', async () => {
  expiresIn = '900';
  const tokens = await login(createPuguhCore({ baseUrl }), {
    email: 'a@example.test',
    password: 'long password 1',
  });
  expect(tokens.expiresIn).toBe(900);
});
