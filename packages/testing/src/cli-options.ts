// Logic of the `puguh-local` CLI, kept out of cli.ts so tests can call it directly.
import { parseArgs } from 'node:util';
import { createPuguhServer } from './server';

/**
 * What `puguh-local` was asked to do.
 *
 * @example
 * ```ts
 * const command: CliCommand = parseCliArguments(process.argv.slice(2));
 * ```
 *
 * @internal
 */
export type CliCommand =
  | {
      readonly kind: 'start';
      readonly port: number;
      readonly host: string;
      readonly seed: string | undefined;
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The demo account the CLI creates.
 *
 * @example
 * ```ts
 * await login(core, { email: DEMO_USER.email, password: DEMO_USER.password });
 * ```
 *
 * @internal
 */
export const DEMO_USER: { readonly email: string; readonly password: string; readonly fullName: string } = {
  email: 'demo@puguh.test',
  password: 'demo-password',
  fullName: 'Demo User',
};

/**
 * The usage text.
 *
 * @example
 * ```ts
 * console.log(USAGE);
 * ```
 *
 * @internal
 */
export const USAGE: string = `Usage: puguh-local [--port 4010] [--host 127.0.0.1] [--seed <text>]

Starts the local PUGUH API (in memory) on a loopback address.

  --port <n>     port to listen on (default 4010; 0 picks a free one)
  --host <host>  loopback address: 127.0.0.1 (default), localhost or ::1
  --seed <text>  deterministic ids and service key
  --help         show this text`;

/**
 * Parses the command line. Only loopback hosts are accepted: the service key printed by the CLI
 * has full access, so the server must not be reachable from other machines.
 *
 * @param argv The arguments after the script name.
 *
 * @returns The command.
 *
 * @example
 * ```ts
 * parseCliArguments(['--port', '5000']); // { kind: 'start', port: 5000, host: '127.0.0.1', seed: undefined }
 * ```
 *
 * @internal
 */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  let values: {
    port?: string | undefined;
    host?: string | undefined;
    seed?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help === true) return { kind: 'help' };
  const port =
    values.port === undefined ? 4010 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    return { kind: 'error', message: `--port must be 0–65535, not ${values.port}.` };
  const host = values.host ?? '127.0.0.1';
  if (!isLoopback(host))
    return {
      kind: 'error',
      message: `--host must be a loopback address (127.0.0.1, localhost, ::1), not ${host}.`,
    };
  return { kind: 'start', port, host: host.replace(/^\[(.*)\]$/, '$1'), seed: values.seed };
}

/**
 * Whether a host name is a loopback address.
 *
 * @param host A host name or IP address.
 *
 * @returns `true` for `localhost`, `127.0.0.0/8` and `::1`.
 *
 * @example
 * ```ts
 * isLoopback('127.0.0.2'); // true
 * ```
 *
 * @internal
 */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' ||
    host === '::1' ||
    host === '[::1]' ||
    /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host)
  );
}

/**
 * A running local API with its demo account.
 *
 * @example
 * ```ts
 * const { url, apiKey, close } = await startLocalApi(command);
 * ```
 *
 * @internal
 */
export interface LocalApi {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

/**
 * Starts the local API with the demo user on a loopback port.
 *
 * @param command The parsed start command.
 *
 * @returns The URL, the service key and `close()`.
 *
 * @example
 * ```ts
 * const api = await startLocalApi({ kind: 'start', port: 0, host: '127.0.0.1', seed: undefined });
 * ```
 *
 * @internal
 */
export async function startLocalApi(command: Extract<CliCommand, { kind: 'start' }>): Promise<LocalApi> {
  const server = createPuguhServer({
    ...(command.seed === undefined ? {} : { seed: command.seed }),
    users: [DEMO_USER],
  });
  const { url, close } = await server.listen({ port: command.port, hostname: command.host });
  return { url, apiKey: server.apiKey, close };
}

/**
 * The text the CLI prints once it is listening: where, with which credentials, and how to call it.
 *
 * @param api The URL and service key.
 *
 * @returns The banner.
 *
 * @example
 * ```ts
 * console.log(formatBanner({ url: 'http://127.0.0.1:4010', apiKey: 'pk_test_…' }));
 * ```
 *
 * @internal
 */
export function formatBanner(api: { readonly url: string; readonly apiKey: string }): string {
  const login = JSON.stringify({ email: DEMO_USER.email, password: DEMO_USER.password });
  return `PUGUH local API listening on ${api.url}

  Service key   ${api.apiKey}   (full access to every organization)
  Demo user     ${DEMO_USER.email} / ${DEMO_USER.password}
  OpenAPI       ${api.url}/openapi.json
  JWKS          ${api.url}/.well-known/jwks.json

Try it:
  curl ${api.url}/v1/billing/plans
  curl -X POST ${api.url}/v1/auth/login -H 'content-type: application/json' -d '${login}'
  curl ${api.url}/v1/organizations -H 'authorization: Bearer ${api.apiKey}'

With the SDK:
  import { PuguhClient } from '@puguh/sdk';
  const client = new PuguhClient({ baseUrl: '${api.url}', apiKey: '${api.apiKey}' });
  console.log(await client.billing.getPlans());

  (or set PUGUH_BASE_URL=${api.url} PUGUH_API_KEY=${api.apiKey})

Everything lives in memory and is gone when this stops. Press Ctrl-C to stop.`;
}
