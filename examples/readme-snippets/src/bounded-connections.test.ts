import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

// The README's snippet, run as written against a loopback server that counts its sockets.
const sockets = new Set<Socket>();
let opened = 0;
const server = createServer((_request, response) => {
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data":[],"has_more":false,"next_cursor":null}');
  }, 5);
});
server.on('connection', (socket) => {
  opened += 1;
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('PUGUH_BASE_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

test('2,000 concurrent calls share at most 16 sockets, and every one settles', async () => {
  const { client, shutdown } = await import('./bounded-connections');
  const outcomes = await Promise.allSettled(Array.from({ length: 2_000 }, () => client.organizations.list()));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected') as
    | PromiseRejectedResult
    | undefined;
  expect(failed?.reason).toBeUndefined();
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2_000);
  expect(opened).toBeLessThanOrEqual(16);
  await shutdown();
  await vi.waitFor(() => expect(sockets.size).toBe(0));
});
