// Section 4, the measuring side: 10,000 sequential SDK requests in a fresh process started with
// `--expose-gc`, so nothing the other sections allocated or left open is counted. The local API
// runs in another process (see server-process.ts), so the heap and handles here are the client's.
import { NetworkError, PuguhClient, PuguhError, RateLimitError } from '@puguh/sdk';
import { startServer } from './server-handle';
import { watchAbortSignalAny } from './signal-watch';
import { REQUESTS, SAMPLE_EVERY, SCENARIOS, type Scenario, type SoakResult, scenarioOf } from './soak-plan';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('soak-process must run with node --expose-gc');
const collect = gc;

const signalReport = watchAbortSignalAny();
const resourcesBefore = process.getActiveResourcesInfo();
const server = await startServer();
// Default retries (2): the retried-429 scenario exercises the SDK's retry path.
const client = new PuguhClient({ baseUrl: server.url });
const outcomes = Object.fromEntries(
  Object.keys(SCENARIOS).map((key) => [key, { sent: 0, asExpected: 0 }]),
) as SoakResult['outcomes'];
const surprises: string[] = [];
const heap: { requests: number; heapUsed: number }[] = [];

const started = performance.now();
for (let index = 0; index < REQUESTS; index++) {
  const scenario = scenarioOf(index);
  outcomes[scenario].sent++;
  let ok: boolean;
  try {
    ok = await run(scenario);
  } catch (error) {
    ok = expected(scenario, error);
    if (!ok && surprises.length < 5) surprises.push(`${scenario}: ${String(error)}`);
  }
  if (ok) outcomes[scenario].asExpected++;
  if ((index + 1) % SAMPLE_EVERY === 0) {
    // Twice: the first pass may only queue finalizers whose memory the second frees.
    collect();
    collect();
    heap.push({ requests: index + 1, heapUsed: process.memoryUsage().heapUsed });
  }
}
const elapsedMs = performance.now() - started;
// Read while the client is open: closing it aborts its signal, which empties the dependants set.
const signals = signalReport();

await client.close();
await server.close();
// Sockets to the closed server go away a moment after it destroys them; give them up to 3 s.
const settleBy = performance.now() + 3_000;
while (process.getActiveResourcesInfo().length > resourcesBefore.length && performance.now() < settleBy)
  await new Promise((resolve) => setTimeout(resolve, 100));
const resourcesAfter = process.getActiveResourcesInfo();

const result: SoakResult = {
  elapsedMs,
  outcomes,
  surprises,
  heap,
  signals,
  resourcesBefore,
  resourcesAfter,
};
process.send?.(result, () => process.disconnect());

/** Sends one request of `scenario`; resolves whether a success was expected. */
async function run(scenario: Scenario): Promise<boolean> {
  const path = '/v1/billing/plans';
  switch (scenario) {
    case 'plans':
      return (await client.billing.getPlans()).length === 3;
    case 'plan':
      return (await client.billing.getPlan({ planId: 'plan_pro' })).id === 'plan_pro';
    case 'notFound':
      await client.billing.getPlan({ planId: 'plan_missing' });
      return false;
    case 'retried':
      await server.inject({ method: 'GET', path, status: 429, headers: { 'retry-after': '0' } });
      return (await client.billing.getPlans()).length === 3;
    case 'rateLimited':
      await server.inject({ method: 'GET', path, status: 429, headers: { 'retry-after': '0' }, times: 3 });
      await client.billing.getPlans();
      return false;
    case 'timeout':
      await server.inject({ method: 'GET', path, delayMs: 300 });
      await client.billing.getPlans({ timeout: 50, maxRetries: 0 });
      return false;
  }
}

/** Whether `error` is what `scenario` must fail with. */
function expected(scenario: Scenario, error: unknown): boolean {
  switch (scenario) {
    case 'notFound':
      return error instanceof PuguhError && !(error instanceof RateLimitError) && error.statusCode === 404;
    case 'rateLimited':
      return error instanceof RateLimitError;
    case 'timeout':
      return error instanceof NetworkError && error.code === 'timeout';
    default:
      return false;
  }
}
