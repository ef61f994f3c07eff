import { describe, expect, test } from 'vitest';
import { DEMO_USER, formatBanner, isLoopback, parseCliArguments, startLocalApi } from './cli-options';

describe('parseCliArguments', () => {
  test('defaults to 127.0.0.1:4010', () => {
    expect(parseCliArguments([])).toEqual({ kind: 'start', port: 4010, host: '127.0.0.1', seed: undefined });
  });

  test('reads --port, --host and --seed', () => {
    expect(parseCliArguments(['--port', '0', '--host', '[::1]', '--seed', 'abc'])).toEqual({
      kind: 'start',
      port: 0,
      host: '::1',
      seed: 'abc',
    });
    expect(parseCliArguments(['-p', '5000'])).toMatchObject({ port: 5000 });
  });

  test('refuses non-loopback hosts, bad ports and unknown flags', () => {
    expect(parseCliArguments(['--host', '0.0.0.0'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('loopback'),
    });
    expect(parseCliArguments(['--host', '192.168.1.10'])).toMatchObject({ kind: 'error' });
    expect(parseCliArguments(['--port', '70000'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--port'),
    });
    expect(parseCliArguments(['--port', 'http'])).toMatchObject({ kind: 'error' });
    expect(parseCliArguments(['--verbose'])).toMatchObject({ kind: 'error' });
    expect(parseCliArguments(['--help'])).toEqual({ kind: 'help' });
  });

  test.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['localhost', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['127.0.0.256', false],
    ['example.test', false],
  ])('isLoopback(%j) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('startLocalApi and formatBanner', () => {
  test('the demo user can log in with the printed password; the banner names URL, key and a curl line', async () => {
    const api = await startLocalApi({ kind: 'start', port: 0, host: '127.0.0.1', seed: 'cli' });
    try {
      const login = await fetch(`${api.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_USER.email, password: DEMO_USER.password }),
      });
      expect(login.status).toBe(200);
      const banner = formatBanner(api);
      expect(banner.split('\n')[0]).toBe(`PUGUH local API listening on ${api.url}`);
      expect(banner).toContain(api.apiKey);
      expect(banner).toContain(`${DEMO_USER.email} / ${DEMO_USER.password}`);
      expect(banner).toContain(`curl ${api.url}/v1/billing/plans`);
    } finally {
      await api.close();
    }
  });
});
