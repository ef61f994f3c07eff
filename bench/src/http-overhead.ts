// Section 1: what each client layer costs per request, on `GET /v1/billing/plans` over loopback.
import { getPlans } from '@puguh/billing';
import { closePuguhCore, createPuguhCore } from '@puguh/core';
import { PuguhClient } from '@puguh/sdk';
import ky from 'ky';
import { scaled } from './environment';
import type { BenchServer } from './server-handle';
import {
  formatNumber,
  formatPercent,
  formatRatio,
  interleaved,
  markdownTable,
  median,
  percentile,
} from './stats';

const CONCURRENCIES = [1, 64] as const;
const ROUNDS = 6;
/** Targets against bare ky (docs/decisions/0007-core-v2-request-stages.md), at least this share of its throughput and at most this p99. */
const KY_TARGET = { throughput: 0.9, p99: 1.2 };

interface Client {
  readonly name: string;
  /** The name in the ratio table. */
  readonly short: string;
  /** One request; resolves to the number of plans, so every client is checked the same way. */
  readonly call: () => Promise<number>;
}

interface Segment {
  readonly requests: number;
  readonly errors: number;
  readonly elapsedMs: number;
  /** Client-process CPU time (user + system, every thread: GC and undici included). */
  readonly cpuMicros: number;
  readonly latencies: number[];
}

interface Totals {
  requests: number;
  errors: number;
  elapsedMs: number;
  cpuMicros: number;
  latencies: number[];
  /** Requests per second of each round, to pair with another client's same round. */
  readonly roundRps: number[];
}

/** Runs `concurrency` sequential loops of `call` for `durationMs`; latency per request. */
async function runSegment(call: () => Promise<number>, concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          if ((await call()) !== 3) errors++;
          latencies.push(performance.now() - sent);
        } catch {
          errors++;
        }
      }
    }),
  );
  // Until the last request in flight is done: that is the time the requests took.
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requests: latencies.length,
    errors,
    elapsedMs,
    cpuMicros: cpu.user + cpu.system,
    latencies,
  } satisfies Segment;
}

/**
 * Measures every client at each concurrency and prints one table per concurrency plus the ratios.
 *
 * @param server The local API (in a child process).
 * @returns Whether any request failed (the numbers would then be meaningless).
 */
export async function benchHttpOverhead(server: BenchServer): Promise<boolean> {
  const url = `${server.url}/v1/billing/plans`;
  // maxRetries: 0 on both SDK forms: a bare `ky.get` of a 200 never retries either, and a retry
  // would only hide a failure. Every client uses Node's global fetch (undici) and its socket pool.
  const core = createPuguhCore({ baseUrl: server.url, maxRetries: 0 });
  const client = new PuguhClient({ baseUrl: server.url, maxRetries: 0 });
  const clients: readonly Client[] = [
    {
      name: 'raw `fetch` + `JSON.parse` (baseline)',
      short: 'fetch',
      call: async () => {
        const response = await fetch(url);
        const text = await response.text();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (JSON.parse(text) as { data: unknown[] }).data.length;
      },
    },
    {
      name: 'bare ky: `ky.get(url).json()`',
      short: 'ky',
      call: async () => (await ky.get(url).json<{ data: unknown[] }>()).data.length,
    },
    { name: 'SDK: `getPlans(core)`', short: 'SDK getPlans', call: async () => (await getPlans(core)).length },
    {
      name: 'SDK: `client.billing.getPlans()`',
      short: 'SDK PuguhClient',
      call: async () => (await client.billing.getPlans()).length,
    },
  ];
  const [fetchClient, kyClient, sdkCore, sdkClient] = clients as [Client, Client, Client, Client];

  const segmentMs = scaled(1_000);
  console.log(
    `\n## 1. Request overhead: \`GET /v1/billing/plans\` over loopback\n\n` +
      `Each client: ${ROUNDS} rounds × ${formatNumber(segmentMs / 1000, 1)} s per concurrency, interleaved ` +
      `(A B C D, D C B A, …) after a warm-up; latency is per request, measured with \`performance.now()\`. ` +
      `The local API runs in a child process; "client CPU" is the bench process's own CPU time per request.`,
  );

  let failed = false;
  const ratioRows: string[][] = [];
  for (const concurrency of CONCURRENCIES) {
    // Warm-up: JIT, the socket pool at this concurrency, the SDK's lazily built ky instance.
    for (const { call } of clients) await runSegment(call, concurrency, scaled(1_000));
    const totals = new Map<Client, Totals>(
      clients.map((c) => [
        c,
        { requests: 0, errors: 0, elapsedMs: 0, cpuMicros: 0, latencies: [], roundRps: [] },
      ]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of interleaved(clients, round)) {
        const segment = await runSegment(c.call, concurrency, segmentMs);
        const total = totals.get(c)!;
        total.requests += segment.requests;
        total.errors += segment.errors;
        total.elapsedMs += segment.elapsedMs;
        total.cpuMicros += segment.cpuMicros;
        for (const latency of segment.latencies) total.latencies.push(latency);
        total.roundRps.push(segment.requests / (segment.elapsedMs / 1000));
      }
    }
    const rps = (c: Client) => {
      const t = totals.get(c)!;
      return t.requests / (t.elapsedMs / 1000);
    };
    const cpuPerRequest = (c: Client) => {
      const t = totals.get(c)!;
      return t.cpuMicros / t.requests;
    };
    const rows = clients.map((c) => {
      const t = totals.get(c)!;
      if (t.errors > 0) failed = true;
      t.latencies.sort((a, b) => a - b);
      return [
        c.name,
        formatNumber(rps(c)),
        formatNumber(percentile(t.latencies, 0.5), 3),
        formatNumber(percentile(t.latencies, 0.99), 3),
        formatNumber(cpuPerRequest(c)),
        // Time per request relative to the baseline: throughput ratio inverted, > 1 is slower.
        formatRatio(rps(fetchClient) / rps(c)),
        formatRatio(rps(kyClient) / rps(c)),
        String(t.errors),
      ];
    });
    console.log(`\n### Concurrency ${concurrency}\n`);
    console.log(
      markdownTable(
        [
          'client',
          'req/s',
          'p50 ms',
          'p99 ms',
          'client CPU µs/req',
          'time/req vs fetch',
          'time/req vs ky',
          'errors',
        ],
        rows,
      ),
    );

    for (const [sdk, base] of [
      [sdkCore, fetchClient],
      [sdkCore, kyClient],
      [sdkClient, fetchClient],
      [sdkClient, kyClient],
    ] as const) {
      const sdkTotals = totals.get(sdk)!;
      const baseTotals = totals.get(base)!;
      // Overhead = extra time per request, from each round's pair of adjacent runs. Its median is
      // the headline: a loaded machine stalls whole runs, and one stalled run would skew a pooled
      // number (the pooled throughput ratio is shown too).
      const perRound = sdkTotals.roundRps.map(
        (value, round) => (baseTotals.roundRps[round] ?? 0) / value - 1,
      );
      const overhead = median(perRound);
      const p50 = percentile(sdkTotals.latencies, 0.5) / percentile(baseTotals.latencies, 0.5);
      const p99 = percentile(sdkTotals.latencies, 0.99) / percentile(baseTotals.latencies, 0.99);
      const cpu = cpuPerRequest(sdk) / cpuPerRequest(base) - 1;
      const throughput = rps(sdk) / rps(base);
      const verdict =
        base === kyClient
          ? throughput >= KY_TARGET.throughput && p99 <= KY_TARGET.p99
            ? 'yes'
            : '**no**'
          : '—';
      ratioRows.push([
        `${sdk.short} / ${base.short}`,
        String(concurrency),
        formatRatio(throughput),
        `${formatPercent(overhead)} (${formatPercent(Math.min(...perRound))} … ${formatPercent(Math.max(...perRound))})`,
        formatRatio(p50),
        formatRatio(p99),
        formatPercent(cpu),
        verdict,
      ]);
    }
  }

  console.log('\n### Ratios (same run)\n');
  console.log(
    markdownTable(
      [
        'comparison',
        'concurrency',
        'throughput ratio (pooled)',
        'time/req overhead: median of rounds (min … max)',
        'p50 ratio',
        'p99 ratio',
        'client CPU/req overhead',
        'vs ky: ≥ 0.90× throughput and p99 ≤ 1.20×?',
      ],
      ratioRows,
    ),
  );
  console.log(
    '\nThroughput ratio < 1, overhead > 0 and latency ratios > 1 mean the SDK is slower. The verdict uses ' +
      'the pooled throughput ratio and the p99 ratio; the min … max range of the per-round overhead shows how far the machine’s noise moves them. ' +
      'Client CPU per request leaves out time spent waiting for a CPU, so other processes move it less than the wall-clock columns.',
  );

  await closePuguhCore(core);
  await client.close();
  return failed;
}
