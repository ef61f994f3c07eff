// Runs smoke/smoke.mjs in Bun or Deno against a local PUGUH API on loopback, and turns its JSON
// line into a vitest-shaped file result (one test per smoke step).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { workspaceDir } from './paths.mjs';

const SMOKE = join('smoke', 'smoke.mjs');

/** The command line of each smoke runtime. */
export const smokeCommands = {
  bun: (binary) => [binary, [SMOKE]],
  deno: (binary) => [binary, ['run', '--allow-net', '--allow-env', '--allow-read', SMOKE]],
};

/**
 * Starts the local API from the BUILT @puguh/testing (this script runs without the source
 * condition, like a user's program). Returns its URL and `close`.
 */
export async function startSmokeApi() {
  const { createPuguhServer } = await import('@puguh/testing');
  return createPuguhServer().listen({ port: 0, hostname: '127.0.0.1' });
}

/**
 * Runs one smoke. Never throws: a crash, a timeout or unreadable output is a failed test.
 *
 * @returns {Promise<{ fileResult: object, output: string, version?: string }>}
 */
export function runSmoke(runtime, binary, apiUrl, env) {
  const [command, args] = smokeCommands[runtime](binary);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: workspaceDir,
      env: { ...env, PUGUH_BASE_URL: apiUrl, CONFORMANCE_RUNTIME: runtime, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const finish = (code, signal) => {
      clearTimeout(timer);
      resolve(toFileResult(runtime, output, code, signal));
    };
    child.on('error', (error) => finish(null, String(error)));
    child.on('close', finish);
  });
}

function toFileResult(runtime, output, code, signal) {
  const name = `${runtime} ${SMOKE}`;
  const line = output
    .trim()
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith('{"runtime"'));
  let report;
  try {
    report = line === undefined ? undefined : JSON.parse(line);
  } catch {
    report = undefined;
  }
  const assertionResults = (report?.results ?? []).map((result) => ({
    ancestorTitles: ['smoke'],
    title: result.name,
    fullName: `smoke ${result.name}`,
    status: result.ok ? 'passed' : 'failed',
    duration: result.durationMs,
    failureMessages: result.ok ? [] : [result.error],
  }));
  const exitedBadly = code !== 0 && !assertionResults.some((result) => result.status === 'failed');
  if (report === undefined || exitedBadly) {
    assertionResults.push({
      ancestorTitles: ['smoke'],
      title: 'the smoke program runs to the end',
      fullName: 'smoke the smoke program runs to the end',
      status: 'failed',
      failureMessages: [`exit code ${code}${signal ? `, ${signal}` : ''}; output:\n${output}`],
    });
  }
  const failed = assertionResults.some((result) => result.status === 'failed');
  return {
    output,
    version: report?.version,
    fileResult: { name, status: failed ? 'failed' : 'passed', message: '', assertionResults },
  };
}
