import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';

/** One request as the server saw it. */
export interface Hit {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** Answers one request; may also misbehave (stall, reset, send garbage). */
export type Reply = (response: ServerResponse, request: IncomingMessage) => void;

/**
 * A loopback HTTP server for core's tests: each request takes the next scripted reply (or the
 * default), and every request is recorded. `close()` destroys open sockets, so a stalled reply
 * never keeps the test process alive.
 */
export interface FaultServer {
  /** `http://127.0.0.1:<port>`, once started. */
  readonly url: string;
  /** Starts listening on a free loopback port. */
  readonly start: () => Promise<void>;
  readonly hits: Hit[];
  /** Queues replies for the next requests, in order. */
  readonly script: (...replies: Reply[]) => void;
  /** The reply once the script is used up. */
  setDefault(reply: Reply): void;
  readonly reset: () => void;
  readonly close: () => Promise<void>;
}

/** A started server (for tests that need one of their own, or a port that is then closed). */
export async function startFaultServer(): Promise<FaultServer> {
  const server = createFaultServer();
  await server.start();
  return server;
}

/**
 * The fault server of one test file: started before its tests, reset (with every mock) after each,
 * closed at the end. Returned at once, so the file can use `server.url` inside its tests.
 */
export function useFaultServer(): FaultServer {
  const server = createFaultServer();
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(() => {
    server.reset();
    vi.restoreAllMocks();
  });
  return server;
}

/** Resolves with what `promise` rejects with; fails the test if it resolves. */
export const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

function createFaultServer(): FaultServer {
  const hits: Hit[] = [];
  const queue: Reply[] = [];
  let fallback: Reply = json(200, { ok: true });
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hits.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      (queue.shift() ?? fallback)(response, request);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let url = '';
  return {
    get url() {
      return url;
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    hits,
    script: (...replies) => queue.push(...replies),
    setDefault(reply) {
      fallback = reply;
    },
    reset() {
      hits.length = 0;
      queue.length = 0;
      fallback = json(200, { ok: true });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (response) => {
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': 'req_test',
      ...headers,
    });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };
}

/** A raw answer with any content type. */
export function text(status: number, content: string, headers: Record<string, string> = {}): Reply {
  return (response) => {
    response.writeHead(status, headers);
    response.end(content);
  };
}

/** The PUGUH error envelope. */
export function apiError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return json(status, { error: { code, message } }, headers);
}

/** Accepts the request and never answers. */
export const hang: Reply = () => {};

/** Sends headers and the start of a body, then stalls. */
export const stallBody: Reply = (response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  response.write('{"data":[{"id":"x"');
};

/** Sends a byte every 50 ms for ever: alive, but never done. */
export const trickleBody: Reply = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => response.write(' '), 50);
  response.on('close', () => clearInterval(timer));
};

/** Sends part of a declared body, then drops the connection. */
export const cutBody: Reply = (response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
  response.write('{"ab');
  setTimeout(() => response.socket?.destroy(), 20);
};

/** Drops the connection before any response byte. */
export const resetConnection: Reply = (response) => {
  response.socket?.destroy();
};

/** Writes bytes that are not HTTP, then closes. */
export const garbage: Reply = (response) => {
  response.socket?.end('HELLO\r\n\r\n');
};
