import type { PuguhLogger } from '@puguh/sdk';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The port to listen on, from `PORT`: default 3000; `0` picks a free port.
 *
 * @param env The environment, usually `process.env`.
 *
 * @returns The port.
 *
 * @throws `RangeError` when `PORT` is not a whole number from 0 to 65535.
 *
 * @example
 * ```ts
 * readPort({ PORT: '8080' }); // 8080
 * readPort({}); // 3000
 * ```
 */
export function readPort(env: Environment): number {
  const raw = env.PORT ?? '';
  if (raw === '') return 3000;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new RangeError(`PORT must be a whole number from 0 to 65535, not "${raw}"`);
  return port;
}

/**
 * A debug logger for the SDK when `DEBUG` lists `puguh` (`DEBUG=puguh` or `DEBUG=hono,puguh`),
 * else `undefined`: the SDK logs nothing unless given a logger. The SDK redacts credentials,
 * tokens and passwords before a line reaches it.
 *
 * @param env The environment, usually `process.env`.
 *
 * @returns The logger, or `undefined`.
 *
 * @example
 * ```ts
 * const client = new PuguhClient({ logger: debugLogger(process.env) });
 * ```
 */
export function debugLogger(env: Environment): PuguhLogger | undefined {
  const namespaces = (env.DEBUG ?? '').split(/[\s,]+/);
  if (!namespaces.includes('puguh')) return undefined;
  return {
    // stderr, so the service's own stdout (the "listening on" line) stays machine-readable.
    debug: (message, details) => console.error(`[puguh] ${message}`, details),
  };
}
