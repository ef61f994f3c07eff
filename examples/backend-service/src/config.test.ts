import { describe, expect, test, vi } from 'vitest';
import { debugLogger, readPort } from './config';

describe('readPort', () => {
  test('defaults to 3000, accepts 0 (any free port) and 1–65535', () => {
    expect(readPort({})).toBe(3000);
    expect(readPort({ PORT: '' })).toBe(3000);
    expect(readPort({ PORT: '0' })).toBe(0);
    expect(readPort({ PORT: '8080' })).toBe(8080);
  });

  test('refuses anything else, naming PORT', () => {
    for (const PORT of ['abc', '-1', '65536', '3000.5', ' 80']) {
      expect(() => readPort({ PORT })).toThrow(/PORT must be/);
    }
  });
});

describe('debugLogger', () => {
  test('is off unless DEBUG lists puguh', () => {
    expect(debugLogger({})).toBeUndefined();
    expect(debugLogger({ DEBUG: 'hono' })).toBeUndefined();
    expect(debugLogger({ DEBUG: 'puguhx' })).toBeUndefined();
  });

  test('with DEBUG=puguh (alone or in a list) it writes prefixed lines to stderr', () => {
    const written = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const DEBUG of ['puguh', 'hono,puguh', 'hono puguh']) {
      debugLogger({ DEBUG })?.debug('puguh request', { path: 'v1/billing/plans' });
    }
    expect(written).toHaveBeenCalledTimes(3);
    expect(written).toHaveBeenCalledWith('[puguh] puguh request', { path: 'v1/billing/plans' });
  });
});
