// A vitest reporter that writes one vitest-shaped JSON summary per project (= per runtime) to the
// file named by CONFORMANCE_REPORT. vitest's own JSON reporter lists test files by path only, and
// here the same file runs in four projects, so its counts could not be told apart by runtime.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** One test, in the shape of vitest's JSON reporter. */
export interface AssertionResult {
  readonly ancestorTitles: string[];
  readonly title: string;
  readonly fullName: string;
  readonly status: 'passed' | 'failed' | 'pending';
  readonly duration?: number | undefined;
  readonly failureMessages: string[];
}

/** One test file (or runtime smoke), in the shape of vitest's JSON reporter. */
export interface FileResult {
  readonly name: string;
  readonly status: 'passed' | 'failed';
  readonly message: string;
  readonly assertionResults: AssertionResult[];
}

/** What the file holds: a vitest-shaped result per project, plus errors outside any test. */
export interface RuntimeReport {
  readonly projects: Record<string, { readonly testResults: FileResult[] }>;
  readonly unhandledErrors: string[];
}

export default class RuntimeReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<{ message?: string }>,
  ): void {
    const outputFile = process.env.CONFORMANCE_REPORT;
    if (outputFile === undefined) return;
    const report: RuntimeReport = {
      projects: {},
      unhandledErrors: unhandledErrors.map((error) => error.message ?? String(error)),
    };
    for (const testModule of testModules) {
      const name = testModule.project.name;
      report.projects[name] ??= { testResults: [] };
      report.projects[name].testResults.push(fileResult(testModule));
    }
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, JSON.stringify(report, null, 2));
  }
}

function fileResult(testModule: TestModule): FileResult {
  const assertionResults: AssertionResult[] = [];
  for (const test of testModule.children.allTests()) {
    const result = test.result();
    const ancestorTitles = test.fullName.split(' > ').slice(0, -1);
    assertionResults.push({
      ancestorTitles,
      title: test.name,
      fullName: test.fullName.replaceAll(' > ', ' '),
      status: result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'pending',
      duration: test.diagnostic()?.duration,
      failureMessages:
        result.state === 'failed' ? result.errors.map((error) => error.stack ?? error.message) : [],
    });
  }
  // A file that fails to load has no tests: record the failure as one, so it is counted.
  const moduleErrors = testModule.errors();
  if (moduleErrors.length > 0) {
    assertionResults.push({
      ancestorTitles: [],
      title: 'test file loads and its hooks pass',
      fullName: 'test file loads and its hooks pass',
      status: 'failed',
      failureMessages: moduleErrors.map((error) => error.stack ?? error.message),
    });
  }
  const failed = !testModule.ok() || assertionResults.some((test) => test.status === 'failed');
  return {
    name: testModule.moduleId,
    status: failed ? 'failed' : 'passed',
    message: moduleErrors[0]?.message ?? '',
    assertionResults,
  };
}
