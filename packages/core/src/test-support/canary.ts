import { inspect } from 'node:util';

/** A service key no test output may ever contain. */
export const CANARY_KEY = `pk_test_CANARY${Math.random().toString(36).slice(2, 10)}`;

/** Every way a secret could leak out of an error or object: message, stack, inspect, JSON, cause chain. */
export function everythingPrintable(value: unknown): string {
  const parts: string[] = [inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  try {
    parts.push(JSON.stringify(value) ?? '');
  } catch {
    // Circular values are fine: inspect covered them.
  }
  for (let current = value, depth = 0; current instanceof Error && depth < 10; depth++) {
    parts.push(current.message, current.stack ?? '');
    current = current.cause;
  }
  return parts.join('\n');
}
