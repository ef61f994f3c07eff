import { PuguhClient } from '@puguh/sdk';
import { describe, expect, test } from 'vitest';
import { apiUrl, expectedNodeMajor, expectedRuntime } from '../support/provided';
import { detectRuntime, runtimeEvidence } from '../support/runtime';

describe('runtime identity', () => {
  test('runs in the runtime this project is named after', () => {
    const evidence = runtimeEvidence();
    console.log(`[${expectedRuntime()}] runtime evidence: ${JSON.stringify(evidence)}`);
    expect(detectRuntime(evidence)).toBe(expectedRuntime());
    // The Node 24 pass reruns the `node` project under another binary: prove it is that binary.
    if (expectedRuntime() === 'node' && expectedNodeMajor() !== '') {
      expect(evidence.nodeVersion?.split('.')[0]).toBe(expectedNodeMajor());
    }
  });

  test('the SDK under test is its TypeScript source (the @puguh/source condition applies)', () => {
    // A stale `dist` must never be what passes here. The files of the frames that threw tell, read
    // as raw V8 call sites: a formatted stack is source-mapped back to `src` even from `dist`.
    expect(modulesThatThrew()).toContainEqual(expect.stringMatching(/packages\/core\/src\/[\w/-]+\.ts$/));
  });

  test('an API key is refused in a browser page, and only there', () => {
    const withKey = () => new PuguhClient({ baseUrl: apiUrl(), apiKey: 'pk_test_conformance' });
    if (expectedRuntime() === 'chromium') expect(withKey).toThrow(/browser/);
    else expect(withKey).not.toThrow();
  });
});

/** The files of the stack frames of an error thrown inside the SDK (V8: Node, workerd, Chromium). */
function modulesThatThrew(): string[] {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, callSites) => callSites.map((site) => String(site.getFileName()));
  try {
    new PuguhClient({ baseUrl: 'ftp://example.test' });
    return [];
  } catch (error) {
    return (error as { stack: string[] }).stack;
  } finally {
    Error.prepareStackTrace = original;
  }
}
