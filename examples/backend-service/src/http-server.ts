import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/**
 * What {@link listen} serves: hono's `app.fetch`, or any fetch-style handler.
 */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Where {@link listen} listens.
 *
 * @example
 * ```ts
 * const options: ListenOptions = { port: 0, hostname: '127.0.0.1' };
 * ```
 */
export interface ListenOptions {
  /** The port; `0` picks a free one (read the chosen one from `url`). */
  readonly port: number;
  /** The interface. Default `127.0.0.1`: only this machine can connect. */
  readonly hostname?: string;
}

/**
 * How {@link HttpServer.close} ended: every request finished (`drained`), or the grace period ran
 * out and the remaining connections were cut (`forced`).
 */
export type CloseOutcome = 'drained' | 'forced';

/**
 * A listening HTTP server.
 *
 * @example
 * ```ts
 * const server = await listen(app.fetch, { port: 0 });
 * console.log(server.url);
 * await server.close();
 * ```
 */
export interface HttpServer {
  /** The origin, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /**
   * Stops accepting connections, lets requests in flight finish, and resolves once the last
   * connection has closed. After `graceMs` (default 10 s) the remaining connections are cut.
   */
  close(options?: { readonly graceMs?: number }): Promise<CloseOutcome>;
}

/**
 * Serves `handler` over HTTP/1.1 with `@hono/node-server`.
 *
 * @param handler The fetch handler, typically `app.fetch`.
 * @param options Port and interface.
 *
 * @returns The server, once it is listening.
 *
 * @throws The listen error, e.g. `EADDRINUSE`.
 *
 * @example
 * ```ts
 * const server = await listen(createApp(client).fetch, { port: 3000 });
 * ```
 */
export async function listen(handler: FetchHandler, options: ListenOptions): Promise<HttpServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: handler, port: options.port, hostname }, () => {
      created.off('error', reject);
      resolve(created as Server);
    });
    created.once('error', reject);
  });
  const { address, port, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;

  let closing: Promise<CloseOutcome> | undefined;
  // `server.close()` closes the keep-alive connections idle at that moment, but a connection busy
  // with a request becomes idle later and would then linger until its keep-alive timeout. So while
  // closing, every finished response closes whatever has become idle.
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (closing !== undefined) setImmediate(() => server.closeIdleConnections());
    });
  });
  return {
    url: `http://${host}:${port}`,
    close({ graceMs = 10_000 } = {}) {
      closing ??= new Promise<CloseOutcome>((resolve) => {
        let outcome: CloseOutcome = 'drained';
        const deadline = setTimeout(() => {
          outcome = 'forced';
          server.closeAllConnections();
        }, graceMs);
        // Stops accepting; the callback runs once the last connection has closed.
        server.close(() => {
          clearTimeout(deadline);
          resolve(outcome);
        });
      });
      return closing;
    },
  };
}
