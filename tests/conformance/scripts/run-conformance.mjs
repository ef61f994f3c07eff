#!/usr/bin/env node
// The conformance suite across every runtime the SDK promises (the workspace's `test` script):
//
//   node scripts/run-conformance.mjs              all seven runtimes
//   node scripts/run-conformance.mjs bun chromium only these
//
// 1. Probes each runtime. One that cannot start is SKIPPED with a one-line hint, or FAILED when
//    CI=true: CI must never pass because a runtime silently did not run.
// 2. Runs the vitest projects (node, edge-runtime, workerd, chromium) in one vitest invocation,
//    then the `node` project again under the Node 24 binary, then the Bun and Deno smoke program
//    on the built packages.
// 3. Writes ONE merged test-results/vitest.json (vitest's JSON shape; the root `pnpm test` adds it
//    to its total), prints a table by runtime, and exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bun, deno, node24 } from '@puguh-internal/runtimes';
import { resultsDir, vitestEntry, workspaceDir } from './lib/paths.mjs';
import { probes } from './lib/probes.mjs';
import { printTable, writeMergedReport } from './lib/report.mjs';
import { runSmoke, startSmokeApi } from './lib/smoke.mjs';

const RUNTIMES = ['node', 'node24', 'edge-runtime', 'workerd', 'chromium', 'bun', 'deno'];
const VITEST_PROJECTS = ['node', 'edge-runtime', 'workerd', 'chromium'];
const binaries = { node24, bun, deno };

const ci = process.env.CI === 'true';
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !RUNTIMES.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown runtime(s): ${unknown.join(', ')}. Choose from: ${RUNTIMES.join(', ')}.`);
  process.exit(2);
}
const selected = requested.length > 0 ? RUNTIMES.filter((name) => requested.includes(name)) : RUNTIMES;

// The suite makes clients without credentials on purpose (public endpoints, the pricing page);
// in Node the SDK would fill them in from these variables, so they must not leak in.
const env = { ...process.env };
delete env.PUGUH_API_KEY;
delete env.PUGUH_BASE_URL;

const rawDir = join(resultsDir, 'runs');
rmSync(resultsDir, { recursive: true, force: true });

/** @type {Map<string, { runtime: string, fileResults: object[], note: string, seconds?: number }>} */
const rows = new Map(selected.map((runtime) => [runtime, { runtime, fileResults: [], note: '' }]));

// 1. Which runtimes can start?
const probe = probes({ ...binaries, chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const startable = new Set();
const cannotStart = [];
for (const runtime of selected) {
  const result = probe[runtime]();
  if (result.ok) {
    startable.add(runtime);
    rows.get(runtime).note = result.version ?? '';
    continue;
  }
  const message = `${runtime}: cannot start — ${result.reason}; ${result.hint}`;
  cannotStart.push(
    `${ci ? 'FAILED ' : 'SKIPPED'} ${message}${ci ? ' (CI=true: a runtime that cannot start fails the run)' : ''}`,
  );
  console.log(cannotStart.at(-1));
  rows.get(runtime).note = ci ? 'FAILED: cannot start' : `SKIPPED: ${result.reason}`;
  rows.get(runtime).fileResults.push({
    name: `${runtime} (runtime)`,
    status: ci ? 'failed' : 'passed',
    message,
    assertionResults: [
      {
        ancestorTitles: [],
        title: 'the runtime can start',
        fullName: 'the runtime can start',
        status: ci ? 'failed' : 'pending',
        failureMessages: [message],
      },
    ],
  });
}

// 2. vitest: the four projects in one run, then `node` again under Node 24.
const projects = VITEST_PROJECTS.filter((project) => startable.has(project));
if (projects.length > 0) {
  await runVitest({ label: 'vitest', node: process.execPath, projects, runtimeOf: (project) => project });
}
if (startable.has('node24')) {
  await runVitest({
    label: 'node24',
    node: node24(),
    projects: ['node'],
    runtimeOf: () => 'node24',
    nodeMajor: '24',
  });
}

// 3. Bun and Deno: the smoke program on the built packages, against one local API.
const smokes = ['bun', 'deno'].filter((runtime) => startable.has(runtime));
if (smokes.length > 0) {
  let api;
  try {
    api = await startSmokeApi();
  } catch (error) {
    for (const runtime of smokes) {
      failRow(
        runtime,
        `the local API did not start from the built @puguh/testing (run the build first): ${error}`,
      );
    }
  }
  if (api !== undefined) {
    await Promise.all(
      smokes.map(async (runtime) => {
        const started = performance.now();
        const { fileResult, output, version } = await runSmoke(runtime, binaries[runtime](), api.url, env);
        const row = rows.get(runtime);
        row.seconds = (performance.now() - started) / 1000;
        row.note = `smoke on dist, ${runtime} ${version ?? '?'}`;
        row.fileResults.push(fileResult);
        console.log(`\n--- ${runtime} smoke/smoke.mjs ---\n${output.trim()}`);
      }),
    );
    await api.close();
  }
}

const totals = writeMergedReport([...rows.values()]);
printTable([...rows.values()]);
// Repeated under the table, where nobody can miss them.
for (const line of cannotStart) console.log(line);
console.log(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped — test-results/vitest.json`,
);
process.exit(totals.failed > 0 ? 1 : 0);

/**
 * Runs vitest under `node` for `projects`, reading results from src/node/runtime-reporter.ts.
 * Anything that keeps a project from reporting (a crash, a config error) becomes a failed test.
 */
async function runVitest({
  label,
  node,
  projects,
  runtimeOf,
  nodeMajor = process.versions.node.split('.')[0],
}) {
  const reportFile = join(rawDir, `${label}.json`);
  const args = [
    vitestEntry(),
    'run',
    ...projects.map((project) => `--project=${project}`),
    '--reporter=default',
    '--reporter=./src/node/runtime-reporter.ts',
  ];
  console.log(`\n=== ${label}: vitest ${projects.join(', ')} under ${node} ===`);
  const started = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(node, args, {
      cwd: workspaceDir,
      stdio: 'inherit',
      env: { ...env, CONFORMANCE_REPORT: reportFile, CONFORMANCE_EXPECT_NODE: nodeMajor },
    });
    // Generous: a hung browser or worker must still end the run, with a failure.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60_000);
    child.on('error', () => resolve(-1));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve(status ?? -1);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
  for (const project of projects) {
    const row = rows.get(runtimeOf(project));
    row.seconds = seconds;
    row.note = projects.length > 1 ? `${row.note} (one vitest run for ${projects.join(', ')})` : row.note;
    // Browser projects report as `<name> (<browser>)`, e.g. `chromium (chromium)`.
    const fileResults = Object.entries(report?.projects ?? {})
      .filter(([name]) => name === project || name.startsWith(`${project} (`))
      .flatMap(([, result]) => result.testResults);
    row.fileResults.push(...fileResults);
    if (fileResults.length === 0)
      failRow(runtimeOf(project), `vitest (${label}) reported no tests (exit code ${code})`);
  }
  const unexplained = code !== 0 && !projects.some((project) => hasFailure(rows.get(runtimeOf(project))));
  for (const error of report?.unhandledErrors ?? [])
    failRow(runtimeOf(projects[0]), `unhandled error: ${error}`);
  if (unexplained && (report?.unhandledErrors ?? []).length === 0) {
    failRow(runtimeOf(projects[0]), `vitest (${label}) exited with code ${code}`);
  }
}

function hasFailure(row) {
  return row.fileResults.some((file) => file.assertionResults.some((test) => test.status === 'failed'));
}

function failRow(runtime, message) {
  rows.get(runtime).fileResults.push({
    name: `${runtime} (runner)`,
    status: 'failed',
    message,
    assertionResults: [
      { ancestorTitles: [], title: message, fullName: message, status: 'failed', failureMessages: [message] },
    ],
  });
}
