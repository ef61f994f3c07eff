import { describe, expect, test } from 'vitest';
import { createTour, UnexpectedResult } from './tour';

function captureTour() {
  const lines: string[] = [];
  return { lines, tour: createTour((line) => lines.push(line)) };
}

describe('createTour', () => {
  test('a passing step prints ✓, its text and any further lines, and returns its value', async () => {
    const { lines, tour } = captureTour();
    const value = await tour.section('billing', ['getPlans'], (step) =>
      step('getPlans', async (say) => {
        say('2 plans');
        say('Free: $0.00/mo');
        return 42;
      }),
    );
    expect(value).toBe(42);
    expect(lines).toEqual(['', 'billing', `  ✓ ${'getPlans'.padEnd(26)}2 plans`, '      Free: $0.00/mo']);
    expect(tour.result()).toEqual({ passed: 1, failed: 0, notRun: 0 });
  });

  test('a failing step prints ✗ with the error, ends its section and lists the rest as not run', async () => {
    const { lines, tour } = captureTour();
    const value = await tour.section('auth', ['register', 'login', 'refreshToken'], async (step) => {
      await step('register', async () => undefined);
      await step('login', async () => {
        throw new UnexpectedResult('expected AuthError mfa_required, but the call succeeded');
      });
      await step('refreshToken', async () => undefined);
      return 'finished';
    });
    expect(value).toBeUndefined();
    expect(lines.slice(3)).toEqual([
      '  ✗ login — UnexpectedResult: expected AuthError mfa_required, but the call succeeded',
      '  – not run (an earlier step failed): refreshToken',
    ]);
    expect(tour.result()).toEqual({ passed: 1, failed: 1, notRun: 1 });

    // The demo goes on with the next section.
    await tour.section('errors', ['NetworkError'], (step) => step('NetworkError', async () => undefined));
    expect(tour.result()).toEqual({ passed: 2, failed: 1, notRun: 1 });
  });

  test('an error between steps, or a planned step that never ran, counts as a failure', async () => {
    const { lines, tour } = captureTour();
    await tour.section('context', ['clearContext'], async () => {
      throw new TypeError('boom');
    });
    await tour.section('cleanup', ['delete organizations', 'close'], (step) =>
      step('close', async () => undefined),
    );
    expect(lines).toContain('  ✗ context — TypeError: boom');
    expect(lines).toContain('  ✗ delete organizations — the section ended without running this step');
    expect(tour.result()).toEqual({ passed: 1, failed: 2, notRun: 1 });
  });

  test('skip lists a whole section as not run, with the reason', () => {
    const { lines, tour } = captureTour();
    tour.skip('3. applications', ['create', 'list'], 'needs the organization');
    expect(lines).toEqual(['', '3. applications', '  – not run (needs the organization): create, list']);
    expect(tour.result()).toEqual({ passed: 0, failed: 0, notRun: 2 });
  });
});
