import { fileURLToPath } from 'node:url';
import { createPuguhServer, type ListeningServer } from '@puguh/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Finished, run } from './support';

const program = fileURLToPath(new URL('../fixtures/list-plans.cjs', import.meta.url));

interface WirePlan {
  readonly id: string;
  readonly name: string;
  readonly price: string;
  readonly interval: string;
}

describe('a CommonJS program that require()s @puguh/sdk', () => {
  let api: ListeningServer;
  let apiKey: string;
  let result: Finished;

  beforeAll(async () => {
    const server = createPuguhServer();
    apiKey = server.apiKey;
    api = await server.listen({ port: 0, hostname: '127.0.0.1' });
    // The machine's Node, with nothing of vitest's in its options: what a user's `node app.cjs` is.
    const { NODE_OPTIONS: _nodeOptions, ...env } = process.env;
    result = await run(process.execPath, [program], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...env, PUGUH_BASE_URL: api.url, PUGUH_API_KEY: apiKey },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  test('runs on this Node (>= 20.19: require(esm)) and exits 0 without warnings', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 20 || (major === 20 && minor >= 19), `Node ${process.versions.node}`).toBe(true);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
  });

  test('loads the build, not the source', () => {
    const resolved = /^resolved (.*)$/m.exec(result.stdout)?.[1] ?? '';
    expect(resolved.replaceAll('\\', '/')).toMatch(/\/packages\/sdk\/dist\/index\.js$/);
  });

  test('prints every plan the local API serves, read over real HTTP', async () => {
    const response = await fetch(`${api.url}/v1/billing/plans`);
    const { data } = (await response.json()) as { data: WirePlan[] };
    expect(data.length).toBeGreaterThan(0);
    const printed = result.stdout.split('\n').filter((line) => line.startsWith('plan '));
    expect(printed).toEqual(
      data.map((plan) => `plan ${plan.id} ${plan.name}: ${plan.price}/${plan.interval}`),
    );
    expect(printed).toContain('plan plan_pro Pro: $29.00/month');
  });

  test("maps an API error to the SDK's own error class across require()", () => {
    expect(result.stdout).toContain('error: PuguhError 404 plan_not_found');
  });
});
