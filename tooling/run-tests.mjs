#!/usr/bin/env node
// Runs every workspace's tests through turbo, then adds up the results that each vitest run wrote
// to `test-results/vitest.json` and prints one plain line, `N passed, N failed`, that CI reads
// (turbo's and vitest's own summaries are per package). Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['packages', 'examples', 'tests'].flatMap((group) => {
  const dir = join(root, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
const resultFiles = () =>
  workspaces.flatMap((dir) => {
    const results = join(dir, 'test-results');
    return existsSync(results)
      ? readdirSync(results)
          .filter((file) => file.endsWith('.json'))
          .map((file) => join(results, file))
      : [];
  });

// Stale results from an earlier run must not count.
for (const file of resultFiles()) rmSync(file);

const turbo = spawnSync('turbo', ['run', 'test', '--continue', '--concurrency=2', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

let passed = 0;
let failed = 0;
const rows = [];
for (const file of resultFiles()) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const name = file.slice(root.length).replace(/\/test-results\/.*$/, '');
  // A suite that fails to load counts as a failure even though it ran no test.
  const brokenSuites = (report.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0,
  ).length;
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + brokenSuites;
  rows.push(
    `${name.padEnd(40)} ${String(report.numPassedTests ?? 0).padStart(5)} passed ${String((report.numFailedTests ?? 0) + brokenSuites).padStart(4)} failed${report.numPendingTests ? ` ${report.numPendingTests} skipped` : ''}`,
  );
}
if (turbo.status !== 0 && failed === 0) failed += 1; // a task that crashed before reporting
console.log(`\n${rows.sort().join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);
