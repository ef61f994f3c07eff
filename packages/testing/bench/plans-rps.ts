// Requests per second for `GET /v1/billing/plans` over real loopback HTTP (reported, not asserted).
//
//   npx tsx packages/testing/bench/plans-rps.ts [--seconds 5] [--concurrency 32]
//
// Client and server share this process (and its cores), as they do in the SDK's own tests. For
// scale, the same body is also served by a bare hono app on @hono/node-server: the difference is
// what the local API's middleware (request log, rate limiter, faults, idempotency, ids) costs.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { createPuguhServer } from '../src/index';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '32' } },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

interface Result {
  readonly rps: number;
  readonly errors: number;
  readonly p50: number;
  readonly p99: number;
}

async function measure(target: string, durationMs: number): Promise<Result> {
  const deadline = performance.now() + durationMs;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const response = await fetch(target);
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { rps: latencies.length / (durationMs / 1000), errors, p50: at(0.5), p99: at(0.99) };
}

async function run(target: string): Promise<Result> {
  await measure(target, 1000); // warm-up: JIT, sockets
  return measure(target, seconds * 1000);
}

// Rate limiting off: the default 10,000 per minute would otherwise be what we measure.
const server = createPuguhServer({ rateLimit: false });
const local = await server.listen({ port: 0, hostname: '127.0.0.1' });
const plansBody = await (await fetch(`${local.url}/v1/billing/plans`)).text();
const ours = await run(`${local.url}/v1/billing/plans`);
await local.close();

const bare = new Hono();
bare.get('/v1/billing/plans', (c) => c.body(plansBody, 200, { 'content-type': 'application/json' }));
const bareServer = createAdaptorServer({ fetch: bare.fetch, overrideGlobalObjects: false }) as Server;
await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
const baseline = await run(`http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/v1/billing/plans`);
bareServer.closeAllConnections();
await new Promise((resolve) => bareServer.close(resolve));

const line = (name: string, result: Result): string =>
  `  ${name.padEnd(26)} ${Math.round(result.rps).toLocaleString('en-US').padStart(7)} req/s   p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   errors ${result.errors}`;
console.log(
  `GET /v1/billing/plans over loopback: ${concurrency} concurrent clients, ${seconds} s, Node ${process.version}`,
);
console.log(line('@puguh/testing', ours));
console.log(line('bare hono (same body)', baseline));
