// The only module with Node imports: `server.listen()` loads it with a dynamic import, so the
// rest of the package runs in-process in browsers and edge runtimes too.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';

/**
 * Where to listen.
 *
 * @public
 */
export interface ListenOptions {
  /** The port; `0` (the default) picks a free one. */
  readonly port?: number;
  /** The interface; `127.0.0.1` by default. */
  readonly hostname?: string;
}

/**
 * A server listening on a real port.
 *
 * @public
 */
export interface ListeningServer {
  /** The origin, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  readonly url: string;
  /** Stops listening, destroys every open connection (stalled ones too) and resolves when closed. */
  close(): Promise<void>;
}

/**
 * Serves one request; `'reset'` asks the transport to drop the connection.
 *
 * @example
 * ```ts
 * const handler: RequestHandler = async (request) => new Response(null, { status: 204 });
 * ```
 *
 * @internal
 */
export type RequestHandler = (
  request: Request,
  clientAddress: string | undefined,
) => Promise<Response | 'reset'>;

/**
 * Serves a handler over HTTP/1.1 with `@hono/node-server`.
 *
 * @param handle The request handler.
 * @param options The port and interface.
 *
 * @returns The URL and a `close()`.
 *
 * @throws `RangeError` for an invalid port; the listen error (e.g. `EADDRINUSE`) otherwise.
 *
 * @example
 * ```ts
 * const { url, close } = await listenNode(handle, { port: 0 });
 * ```
 *
 * @internal
 */
export async function listenNode(
  handle: RequestHandler,
  options: ListenOptions = {},
): Promise<ListeningServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new RangeError('listen: port must be 0–65535.');
  const server = createAdaptorServer({
    fetch: async (request, env) => {
      const { incoming } = env as HttpBindings;
      const outcome = await handle(request, incoming.socket.remoteAddress);
      if (outcome !== 'reset') return outcome;
      incoming.socket.destroy();
      // Nothing reaches the client any more; the adapter only needs a response to finish with.
      return new Response(null, { status: 502 });
    },
    // The adapter would otherwise replace the process-wide Request/Response: not in a test library.
    overrideGlobalObjects: false,
  }) as Server;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep backlog: tests open a thousand connections at once.
    server.listen({ port, host: options.hostname ?? '127.0.0.1', backlog: 2048 }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
