// Merges every runtime's results into ONE file in vitest's JSON shape, which the root
// `pnpm test` (tooling/run-tests.mjs) adds to its grand total, and prints the summary table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resultsDir, workspaceDir } from './paths.mjs';

const count = (fileResults, status) =>
  fileResults.reduce(
    (sum, file) => sum + file.assertionResults.filter((test) => test.status === status).length,
    0,
  );

/**
 * @param {Array<{ runtime: string, fileResults: object[], note: string, seconds?: number }>} rows
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function writeMergedReport(rows) {
  const testResults = rows.flatMap(({ runtime, fileResults }) =>
    fileResults.map((file) => ({
      ...file,
      // The same test file runs in several runtimes: the name says which one this is.
      name: `[${runtime}] ${file.name.startsWith('/') ? relative(workspaceDir, file.name) : file.name}`,
      assertionResults: file.assertionResults.map((test) => ({
        ...test,
        ancestorTitles: [runtime, ...test.ancestorTitles],
        fullName: `${runtime} ${test.fullName}`,
      })),
    })),
  );
  const passed = count(testResults, 'passed');
  const failed = count(testResults, 'failed');
  const skipped = count(testResults, 'pending');
  const report = {
    numTotalTestSuites: testResults.length,
    numPassedTestSuites: testResults.filter((file) => file.status === 'passed').length,
    numFailedTestSuites: testResults.filter((file) => file.status === 'failed').length,
    numPendingTestSuites: 0,
    numTotalTests: passed + failed + skipped,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: skipped,
    numTodoTests: 0,
    success: failed === 0,
    startTime: Date.now(),
    testResults,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'vitest.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { passed, failed, skipped };
}

/** Prints: runtime, passed, failed, skipped, time, and why a runtime did not run. */
export function printTable(rows) {
  const lines = [['runtime', 'passed', 'failed', 'skipped', 'time', 'notes']];
  for (const { runtime, fileResults, note, seconds } of rows) {
    lines.push([
      runtime,
      String(count(fileResults, 'passed')),
      String(count(fileResults, 'failed')),
      String(count(fileResults, 'pending')),
      seconds === undefined ? '-' : `${seconds.toFixed(1)}s`,
      note,
    ]);
  }
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const format = (line) =>
    line
      .map((cell, column) =>
        column === line.length - 1
          ? cell
          : column === 0
            ? cell.padEnd(widths[column])
            : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  console.log(`\nConformance by runtime\n${lines.map(format).join('\n')}`);
}
