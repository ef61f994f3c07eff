import { createServer } from 'node:net';

/**
 * A loopback port that nothing listens on: one the OS just handed out and that was closed
 * again, so connecting to it is refused at once (unlike a fixed port, which might be in use, or
 * one Chromium blocks as unsafe).
 *
 * @returns The port number.
 *
 * @example
 * ```ts
 * const url = `http://127.0.0.1:${await closedPort()}`;
 * ```
 */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Expected a TCP address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}
