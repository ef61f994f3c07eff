import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

test('puguh-local starts from source, serves, and exits 0 on SIGINT', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [tsx, cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = exitOf(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
  });
  const key = /Service key\s+(pk_test_\w+)/.exec(output)?.[1];
  const plans = await fetch(`${url}/v1/billing/plans`);
  expect(plans.status).toBe(200);
  const organizations = await fetch(`${url}/v1/organizations`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(organizations.status).toBe(200);
  child.kill('SIGINT');
  expect(await exited).toEqual({ code: 0, signal: null });
  await expect(fetch(`${url}/v1/billing/plans`)).rejects.toThrow(TypeError);
});

test('puguh-local refuses a non-loopback host with exit code 2', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [tsx, cli, '--host', '0.0.0.0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  expect(await exitOf(child)).toEqual({ code: 2, signal: null });
  expect(stderr).toContain('loopback');
});
