import { afterEach, describe, expect, test, vi } from 'vitest';
import { type HttpServer, listen } from './http-server';

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close({ graceMs: 100 })));
});

/** A server whose every response takes `delayMs`; `arrived()` counts the requests received. */
async function slowServer(delayMs: number) {
  let received = 0;
  const server = await listen(
    async () => {
      received++;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return new Response('done');
    },
    { port: 0 },
  );
  servers.push(server);
  return { server, arrived: () => received };
}

describe('listen / close', () => {
  test('close() lets the request in flight finish, then resolves promptly (keep-alive included)', async () => {
    const { server, arrived } = await slowServer(300);
    await (await fetch(server.url)).text(); // leaves a keep-alive connection open
    const inFlight = fetch(server.url).then((response) => response.text());
    await vi.waitFor(() => expect(arrived()).toBe(2), { interval: 10 });

    const closing = server.close({ graceMs: 60_000 });
    expect(await inFlight).toBe('done');
    const answeredAt = Date.now();

    expect(await closing).toBe('drained');
    // Not held open until the keep-alive timeout (seconds).
    expect(Date.now() - answeredAt).toBeLessThan(1_000);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  test('a request that outlives the grace period is cut, and close() says so', async () => {
    const { server, arrived } = await slowServer(10_000);
    const inFlight = fetch(server.url).catch(() => 'cut');
    await vi.waitFor(() => expect(arrived()).toBe(1), { interval: 10 });

    expect(await server.close({ graceMs: 100 })).toBe('forced');
    expect(await inFlight).toBe('cut');
  });

  test('listens on 127.0.0.1 by default and reports the chosen port', async () => {
    const { server } = await slowServer(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(server.url)).text()).toBe('done');
  });
});
