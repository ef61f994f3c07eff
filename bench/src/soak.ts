// Section 4, the reporting side: runs soak-process.ts in a fresh `node --expose-gc` and prints it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TSX_LOADER } from './server-handle';
import { REQUESTS, SAMPLE_EVERY, SCENARIOS, type Scenario, type SoakResult } from './soak-plan';
import { formatKiB, formatNumber, markdownTable } from './stats';

/** `['Timeout', 'PipeWrap', 'Timeout']` → `PipeWrap ×1, Timeout ×2`. */
function summarize(resources: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const resource of resources) counts.set(resource, (counts.get(resource) ?? 0) + 1);
  return (
    [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name} ×${count}`)
      .join(', ') || 'none'
  );
}

/**
 * Runs the soak and prints its tables.
 *
 * @returns Whether the soak found a problem: an unexpected outcome, or open handles left behind.
 */
export async function benchSoak(): Promise<boolean> {
  const child = fork(fileURLToPath(new URL('./soak-process.ts', import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', TSX_LOADER],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = await new Promise<SoakResult>((resolve, reject) => {
    child.once('message', (message) => resolve(message as SoakResult));
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`The soak process exited (code ${code}) without a result`)),
    );
  });

  console.log(
    `\n## 4. Soak: ${formatNumber(REQUESTS)} sequential SDK requests (\`PuguhClient\`, default retries)\n\n` +
      `In a fresh \`node --expose-gc\` process; took ${formatNumber(result.elapsedMs / 1000, 1)} s. ` +
      `Faults are injected with \`server.faults.inject\` just before the request they hit.\n`,
  );
  let problem = false;
  console.log(
    markdownTable(
      ['scenario', 'sent', 'as expected'],
      (Object.keys(SCENARIOS) as Scenario[]).map((scenario) => {
        const { sent, asExpected } = result.outcomes[scenario];
        if (sent !== asExpected) problem = true;
        return [SCENARIOS[scenario], formatNumber(sent), formatNumber(asExpected)];
      }),
    ),
  );
  for (const surprise of result.surprises) console.log(`\n- unexpected: ${surprise}`);

  const at = (requests: number) => result.heap.find((sample) => sample.requests === requests)?.heapUsed ?? 0;
  console.log('\nHeap used after `gc()` (the first 2,000 requests warm the JIT and the socket pool):\n');
  console.log(
    markdownTable(
      ['after requests', 'heapUsed', 'Δ since 2,000'],
      result.heap.map(({ requests, heapUsed }) => [
        formatNumber(requests),
        formatKiB(heapUsed),
        requests >= 2_000 ? formatKiB(heapUsed - at(2_000), true) : '—',
      ]),
    ),
  );
  const growth = at(REQUESTS) - at(2_000);
  // Least-squares slope over the second half: a steady leak shows as a steady slope there, while
  // the one-off step that both Node 20 and 24 show somewhere between 2,000 and 4,000 requests (the
  // optimiser compiling the hot paths) is left out.
  const tail = result.heap.filter((sample) => sample.requests >= REQUESTS / 2 + SAMPLE_EVERY);
  const meanX = tail.reduce((sum, { requests }) => sum + requests, 0) / tail.length;
  const meanY = tail.reduce((sum, { heapUsed }) => sum + heapUsed, 0) / tail.length;
  const slope =
    tail.reduce((sum, { requests, heapUsed }) => sum + (requests - meanX) * (heapUsed - meanY), 0) /
    tail.reduce((sum, { requests }) => sum + (requests - meanX) ** 2, 0);
  const after = result.resourcesAfter.length;
  const before = result.resourcesBefore.length;
  if (after > before) problem = true;
  console.log(
    `\n- Heap growth from 2,000 to ${formatNumber(REQUESTS)} requests: **${formatKiB(growth, true)}** ` +
      `(${formatNumber(growth / (REQUESTS - 2_000), 1)} bytes per request); steady-state slope ` +
      `(least squares over the ${formatNumber(tail[0]?.requests ?? 0)}–${formatNumber(REQUESTS)} samples): ` +
      `**${formatNumber(slope, 1)} bytes per request**.`,
  );
  const sources = result.signals.sources;
  console.log(
    sources.length === 0
      ? '- No signal was reused across requests by `AbortSignal.any`.'
      : `- Long-lived signals reused by \`AbortSignal.any\` on every request: ${sources
          .map(
            ({ uses, dependants }) =>
              `one used ${formatNumber(uses)}× that still holds ${dependants === undefined ? 'an unknown number of' : formatNumber(dependants)} dependants after \`gc()\``,
          )
          .join('; ')}. On Node 20 these are never pruned (nodejs/node#55351, fixed in Node 22.12): ` +
          'the client retains them until it is closed.',
  );
  console.log(
    `- Active resources (\`process.getActiveResourcesInfo()\`): before the server started ${before} ` +
      `(${summarize(result.resourcesBefore)}); after closing the client and the server ${after} ` +
      `(${summarize(result.resourcesAfter)}): growth **${after - before}**.`,
  );
  return problem;
}
