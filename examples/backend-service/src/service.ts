import type { PuguhClient, PuguhLogger, ResponseHook } from '@puguh/sdk';
import { createApp } from './app';
import { type CloseOutcome, listen } from './http-server';

/**
 * Options of {@link startService}.
 *
 * @example
 * ```ts
 * const options: ServiceOptions = { client: new PuguhClient(), port: 3000 };
 * ```
 */
export interface ServiceOptions {
  /** The one service client, used for every request; the service closes it on `stop()`. */
  readonly client: PuguhClient;
  /** The port; `0` picks a free one. */
  readonly port: number;
  /** The interface; default `127.0.0.1`. */
  readonly hostname?: string;
  /** Debug logger for the per-request user clients. */
  readonly logger?: PuguhLogger | undefined;
  /** `onResponse` for the per-request user clients (the service client has its own). */
  readonly onResponse?: ResponseHook | undefined;
  /** How long `stop()` waits for requests in flight before cutting them. Default 10 s. */
  readonly graceMs?: number;
}

/**
 * A running service.
 *
 * @example
 * ```ts
 * const service = await startService({ client, port: 0 });
 * await fetch(`${service.url}/healthz`);
 * await service.stop();
 * ```
 */
export interface RunningService {
  /** The origin it listens on, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /**
   * The graceful shutdown: stop accepting, let requests in flight finish, then close the client.
   * The order matters: closing the client first would abort the PUGUH calls those requests await.
   */
  stop(): Promise<CloseOutcome>;
}

/**
 * Serves the app of {@link createApp} over HTTP with the given client.
 *
 * @param options The client, port, interface, logger and grace period.
 *
 * @returns The running service.
 *
 * @throws The listen error, e.g. `EADDRINUSE`.
 *
 * @example
 * ```ts
 * const service = await startService({ client: new PuguhClient(), port: 3000 });
 * console.log(`listening on ${service.url}`);
 * ```
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const app = createApp(options.client, { logger: options.logger, onResponse: options.onResponse });
  const server = await listen(app.fetch, { port: options.port, hostname: options.hostname ?? '127.0.0.1' });
  return {
    url: server.url,
    async stop() {
      const outcome = await server.close({ graceMs: options.graceMs ?? 10_000 });
      await options.client.close();
      return outcome;
    },
  };
}
