// A tiny loopback HTTP server that gives tests in a browser or a worker what they cannot reach
// directly: the local API's outbox and its fault queue live in the Node process that runs
// `globalSetup`, not in the runtime under test. CORS is open because Chromium calls it from a page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultOptions, PuguhServer } from '@puguh/testing';

export interface ControlServer {
  /** The origin, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

/**
 * Routes: `GET /outbox/last?to=` (the newest message to that address, 404 if none),
 * `POST /faults` (the JSON body goes to `server.faults.inject`), `POST /faults/clear`.
 */
export async function startControlServer(server: PuguhServer): Promise<ControlServer> {
  const http = createServer((request, response) => {
    handle(server, request, response).catch((error: unknown) => {
      send(response, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeAllConnections();
      }),
  };
}

async function handle(
  server: PuguhServer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://control');
  const route = `${request.method} ${url.pathname}`;
  if (request.method === 'OPTIONS') return send(response, 204);
  if (route === 'GET /outbox/last') {
    const message = server.outbox.last(url.searchParams.get('to') ?? undefined);
    return message === undefined
      ? send(response, 404, { error: 'no message' })
      : send(response, 200, message);
  }
  if (route === 'POST /faults') {
    const fault = JSON.parse(await readBody(request)) as FaultOptions;
    try {
      server.faults.inject(fault);
    } catch (error) {
      return send(response, 400, { error: String(error) });
    }
    return send(response, 204);
  }
  if (route === 'POST /faults/clear') {
    server.faults.clear();
    return send(response, 204);
  }
  return send(response, 404, { error: `no route ${route}` });
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text || '{}';
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  const headers: Record<string, string> = { ...CORS_HEADERS };
  if (body !== undefined) headers['content-type'] = 'application/json';
  response.writeHead(status, headers);
  response.end(body === undefined ? undefined : JSON.stringify(body));
}
