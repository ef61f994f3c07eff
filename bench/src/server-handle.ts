import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FaultOptions } from '@puguh/testing';
import type { ServerCommand, ServerMessage } from './server-process';

/** tsx's loader, resolved once from this workspace: child processes run the bench's TypeScript too. */
export const TSX_LOADER = import.meta.resolve('tsx');

/** The local PUGUH API running in a child process (see server-process.ts for why). */
export interface BenchServer {
  /** The origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `server.faults.inject(fault)` in the child; resolves once the fault is queued. */
  inject(fault: FaultOptions): Promise<void>;
  /** `server.signAccessToken()` in the child. */
  signAccessToken(): Promise<string>;
  /** Closes the server and waits for the child to exit. */
  close(): Promise<void>;
}

// A command as the caller writes it; `call` adds the id.
type WithoutId<C> = C extends unknown ? Omit<C, 'id'> : never;
type Command = WithoutId<ServerCommand>;

/**
 * Starts the local API in a child process listening on 127.0.0.1 (a free port).
 *
 * @returns The server's URL and its remote controls.
 */
export async function startServer(): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    execArgv: ['--import', TSX_LOADER],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve: (value?: string) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ready: (url: string) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    ready = resolve;
    child.once('error', reject);
    void exited.then(() => reject(new Error('The local API process exited before it was ready')));
  });
  child.on('message', (message: ServerMessage) => {
    if ('type' in message) return ready(message.url);
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.value);
    else waiter?.reject(new Error(`local API: ${message.error}`));
  });
  const call = (command: Command): Promise<string | undefined> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...command, id });
    });

  return {
    url: await url,
    inject: async (fault) => void (await call({ type: 'inject', fault })),
    signAccessToken: async () => (await call({ type: 'sign' })) ?? '',
    async close() {
      await call({ type: 'close' });
      // The child exits on its own once disconnected; this only guards against a hang.
      const guard = setTimeout(() => child.kill(), 5_000);
      await exited;
      clearTimeout(guard);
    },
  };
}
