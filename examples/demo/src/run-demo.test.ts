import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { ADA, BOB, CAROL } from './people';
import { DEMO_STEP_COUNT, type DemoResult, runDemo } from './run-demo';

describe('runDemo', () => {
  const lines: string[] = [];
  let result: DemoResult;
  let output: string;

  beforeAll(async () => {
    result = await runDemo({ print: (line) => lines.push(line) });
    output = lines.join('\n');
  }, 60_000);

  test('every step of every section passes', () => {
    expect(result.failed, output).toBe(0);
    expect(result.passed).toBe(DEMO_STEP_COUNT);
    expect(lines.filter((line) => line.startsWith('  ✓ '))).toHaveLength(DEMO_STEP_COUNT);
    expect(output).not.toMatch(/^\s*[✗–] /m);
    expect(lines.at(-1)).toMatch(new RegExp(`^${DEMO_STEP_COUNT} steps passed \\(\\d+\\.\\d s\\)$`));
  });

  test('shows every area of the SDK, in the documented order', () => {
    const headings = lines.filter((line) => /^(\d\. \w+|cleanup)$/.test(line));
    expect(headings).toEqual([
      '1. auth',
      '2. organizations',
      '3. applications',
      '4. context',
      '5. billing',
      '6. errors',
      'cleanup',
    ]);
  });

  test('prints what a newcomer looks for', () => {
    expect(output).toContain('Pro: $29.00/mo');
    expect(output).toContain('mfa_required');
    expect(output).toContain('refresh_token_reused');
    expect(output).toMatch(/RateLimitError \(429\)\s+call \d+ → 429 rate_limited, retryAfter \d+ s/);
    expect(output).toMatch(/NetworkError\s+.*connection_failed/);
    expect(output).toMatch(/PuguhError \(404\)\s+PuguhError 404 organization_not_found/);
    expect(output).toMatch(/TypeError, no request sent/);
  });

  test('never prints a secret', () => {
    // The service key, access tokens (JWTs start with `eyJ`), and passwords must not appear at all.
    expect(output).not.toMatch(/pk_(test|live)_/);
    expect(output).not.toContain('eyJ');
    for (const person of [ADA, BOB, CAROL]) expect(output).not.toContain(person.password);
    // Refresh and magic-link tokens appear only as a redacted prefix (`rt_x7Qa…`).
    expect(output).not.toMatch(/\b(rt|ml)_[\w-]{5,}/);
    // Nor the MFA secret (base32), inside the otpauth URL or alone.
    expect(output).not.toMatch(/secret=[A-Z2-7]/);
    expect(output).not.toMatch(/\b[A-Z2-7]{32}\b/);
  });
});

describe('the demo command', () => {
  test('runs the demo to the summary line and exits 0', async () => {
    // What `pnpm demo` runs (the workspace's `start` script); --no-install: the local tsx, never a download.
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const child = spawn('npx', ['--no-install', 'tsx', '--conditions=@puguh/source', 'src/main.ts'], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    expect(exitCode, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(new RegExp(`\\n${DEMO_STEP_COUNT} steps passed \\(\\d+\\.\\d s\\)\\n$`));
  }, 120_000); // generous: tsx first compiles the workspace sources, slow on a busy machine
});
