import { expect } from 'vitest';

/** What a synchronous `action` throws; fails the test if it does not throw. */
export function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  return expect.fail('expected a throw');
}
