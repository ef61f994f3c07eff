// The real process, started as `pnpm start` starts it, over real loopback HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plan } from '@puguh/sdk';
import { createPuguhServer, type ListeningServer, type PuguhServer } from '@puguh/testing';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';

// The tsx CLI itself, not `npx tsx`: npx (and `pnpm start`) exit on SIGTERM without passing the
// signal on, which would orphan the service instead of stopping it (measured with npm 11 / pnpm 10).
// The tsx CLI does relay SIGINT/SIGTERM to the script and exits with the script's code.
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const workspace = fileURLToPath(new URL('..', import.meta.url));

let localApi: PuguhServer;
let api: ListeningServer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  localApi = createPuguhServer();
  api = await localApi.listen({ port: 0, hostname: '127.0.0.1' });
});
afterAll(() => api.close());
afterEach(() => {
  localApi.faults.clear();
  // Kill the whole process group: killing only the tsx CLI would orphan the service it started.
  for (const child of children.splice(0)) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ESRCH: the group has already exited.
    }
  }
});

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: { stdout: string; stderr: string };
}

/** Spawns `src/main.ts` through the tsx CLI, in a process group of its own (for the cleanup). */
function spawnMain(env: Record<string, string | undefined>): ChildProcess {
  const child = spawn(process.execPath, [tsxCli, '--conditions=@puguh/source', 'src/main.ts'], {
    cwd: workspace,
    env: { ...process.env, DEBUG: undefined, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  return child;
}

/** Starts `src/main.ts` with PORT=0 and resolves with the URL it prints once listening. */
async function startMain(env: Record<string, string | undefined>): Promise<Started> {
  const child = spawnMain(env);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const url = await vi.waitFor(
    () => {
      if (child.exitCode !== null) throw new Error(`main.ts exited early:\n${output.stderr}`);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.stdout);
      if (!match?.[1]) throw new Error('not listening yet');
      return match[1];
    },
    { timeout: 20_000, interval: 50 },
  );
  return { child, url, output };
}

function serviceEnv(): Record<string, string> {
  return { PUGUH_BASE_URL: api.url, PUGUH_API_KEY: localApi.apiKey };
}

async function exitCodeOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('src/main.ts', () => {
  test('serves /healthz and /plans on 127.0.0.1 with the client built from the environment', async () => {
    const { url, output } = await startMain(serviceEnv());
    localApi.clearRequests();

    const health = await fetch(`${url}/healthz`);
    const plans = await fetch(`${url}/plans`);

    expect(await health.json()).toEqual({ status: 'ok' });
    expect(((await plans.json()) as Plan[]).map((plan) => plan.id)).toEqual([
      'plan_free',
      'plan_pro',
      'plan_business',
    ]);
    // The plan listing is a public call: the service key stays home.
    expect(localApi.requests.map((request) => request.headers.authorization)).toEqual([undefined]);
    expect(output.stderr).not.toContain('[puguh]'); // no DEBUG, no SDK logging
    // …but one upstream line per PUGUH call, with its request id and the quota left.
    await vi.waitFor(() =>
      expect(output.stderr).toMatch(/\[upstream\] GET v1\/billing\/plans 200 req_\S+ remaining \d+\/\d+/),
    );
  });

  test('SIGTERM: the request in flight still completes, then the process exits with 0', async () => {
    const { child, url, output } = await startMain(serviceEnv());
    localApi.faults.inject({ path: '/v1/billing/plans', delayMs: 1_000 });
    localApi.clearRequests();

    const inFlight = fetch(`${url}/plans`);
    // Signal only once PUGUH has the request, so it is certainly in flight.
    await vi.waitFor(() => expect(localApi.requests).toHaveLength(1), { interval: 20 });
    child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as Plan[]).length).toBe(3);
    expect(await exitCodeOf(child)).toBe(0);
    expect(output.stdout).toContain('SIGTERM');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow(); // no longer accepting
  });

  test('DEBUG=puguh logs the SDK’s requests to stderr, without the service key', async () => {
    const { child, url, output } = await startMain({ ...serviceEnv(), DEBUG: 'puguh' });

    await (await fetch(`${url}/plans`)).arrayBuffer();
    child.kill('SIGINT');
    expect(await exitCodeOf(child)).toBe(0);

    expect(output.stderr).toContain('[puguh]');
    expect(output.stderr).toContain('v1/billing/plans');
    expect(output.stderr + output.stdout).not.toContain(localApi.apiKey);
  });

  test('without PUGUH_BASE_URL it exits with 1 and names the missing variable', async () => {
    const child = spawnMain({ PUGUH_BASE_URL: undefined, PUGUH_API_KEY: localApi.apiKey });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    expect(await exitCodeOf(child)).toBe(1);
    // One readable line, not a stack trace.
    expect(stderr.trim()).toMatch(/^backend-service: [^\n]*PUGUH_BASE_URL[^\n]*$/);
    expect(stderr).not.toContain(localApi.apiKey);
  });
});
