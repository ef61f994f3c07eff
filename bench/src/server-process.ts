// The local PUGUH API in a process of its own, driven by server-handle.ts over the IPC channel.
//
// Why a child process rather than the bench's own: on a 2-core machine the server then runs on the
// other core, so the client-side cost of each layer (fetch, ky, the SDK) is what the numbers show,
// instead of being diluted by the server's middleware sharing one event loop with the client. And
// the soak's heap and handle counts then belong to the client alone (the server keeps the newest
// 10,000 requests in memory, which would otherwise look like a leak).
import { createPuguhServer, type FaultOptions } from '@puguh/testing';

/** What the parent may ask; every command is answered with `{ id, ok, value | error }`. */
export type ServerCommand =
  | { readonly id: number; readonly type: 'inject'; readonly fault: FaultOptions }
  | { readonly id: number; readonly type: 'sign' }
  | { readonly id: number; readonly type: 'close' };

/** What the child says. */
export type ServerMessage =
  | { readonly type: 'ready'; readonly url: string }
  | { readonly id: number; readonly ok: true; readonly value?: string }
  | { readonly id: number; readonly ok: false; readonly error: string };

// Rate limiting off: the default 10,000 requests per minute would otherwise be what we measure.
const server = createPuguhServer({ rateLimit: false });
const listening = await server.listen({ port: 0, hostname: '127.0.0.1' });
const send = (message: ServerMessage): void => void process.send?.(message);

process.on('message', (command: ServerCommand) => {
  void answer(command).then(
    (value) => send(value === undefined ? { id: command.id, ok: true } : { id: command.id, ok: true, value }),
    (error: unknown) => send({ id: command.id, ok: false, error: String(error) }),
  );
});
// Also when the parent dies: a server left behind would keep a port and a core busy.
process.on('disconnect', () => void listening.close().finally(() => process.exit(0)));
send({ type: 'ready', url: listening.url });

async function answer(command: ServerCommand): Promise<string | undefined> {
  switch (command.type) {
    case 'inject':
      server.faults.inject(command.fault);
      return undefined;
    case 'sign':
      // Issued by the listening origin, so verification with the default issuer accepts it.
      return server.signAccessToken();
    case 'close':
      await listening.close();
      // Disconnecting after the answer is sent lets the process exit once nothing else is pending.
      setImmediate(() => process.disconnect());
      return undefined;
  }
}
