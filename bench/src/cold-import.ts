// Section 3: cold start. A fresh Node process that imports the SDK (its built dist) and completes
// one getPlans() against the local API, against one that does the same with raw fetch; and the
// plain import against an empty process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatNumber, formatRatio, interleaved, markdownTable, median } from './stats';

const RUNS = 15;
const WARM_UP = 2;
/** This workspace: `@puguh/sdk` resolves from here as it does in an app that depends on it. */
const cwd = fileURLToPath(new URL('..', import.meta.url));

interface Program {
  readonly name: string;
  readonly args: readonly string[];
}

const firstCall = (url: string): readonly Program[] => [
  {
    name: 'raw `fetch` of `/v1/billing/plans` + `JSON.parse` (baseline)',
    args: [
      '--input-type=module',
      '-e',
      `const r = await fetch('${url}/v1/billing/plans'); if (JSON.parse(await r.text()).data.length !== 3) process.exit(2);`,
    ],
  },
  {
    name: "`import('@puguh/sdk')` + one `getPlans()`",
    args: [
      '--input-type=module',
      '-e',
      `const { createPuguhCore, getPlans } = await import('@puguh/sdk'); if ((await getPlans(createPuguhCore({ baseUrl: '${url}' }))).length !== 3) process.exit(2);`,
    ],
  },
  {
    name: "`import('@puguh/core')` + `import('@puguh/billing')` + one `getPlans()`",
    args: [
      '--input-type=module',
      '-e',
      `const [{ createPuguhCore }, { getPlans }] = await Promise.all([import('@puguh/core'), import('@puguh/billing')]); if ((await getPlans(createPuguhCore({ baseUrl: '${url}' }))).length !== 3) process.exit(2);`,
    ],
  },
];

const importOnly: readonly Program[] = [
  { name: '`node -e 0` (baseline)', args: ['-e', '0'] },
  { name: '`node --input-type=module -e 0` (empty ES module)', args: ['--input-type=module', '-e', '0'] },
  {
    name: '`node --input-type=module -e "await import(\'@puguh/sdk\')"`',
    // Prints how long the import itself took, measured inside the process.
    args: [
      '--input-type=module',
      '-e',
      "const t = performance.now(); await import('@puguh/sdk'); console.log(performance.now() - t);",
    ],
  },
];

/** Cold-start targets (docs/decisions/0007-core-v2-request-stages.md). */
const TARGETS = { sdkCall: 1.1, coreCall: 1.05, plainImport: 1.25 };

/**
 * Spawns each program RUNS times (interleaved, after a warm-up that fills the OS file cache: "cold"
 * means a new process, not a cold disk) and prints the median wall-clock times and their ratios.
 *
 * @param url The local API's base URL, for the first-call programs.
 */
export function benchColdImport(url: string): void {
  const programs = [...firstCall(url), ...importOnly];
  // The bench itself runs under tsx, and pnpm may pass NODE_OPTIONS: neither may reach these processes.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const resolved = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "console.log(import.meta.resolve('@puguh/sdk'))"],
    { cwd, env, encoding: 'utf8' },
  ).stdout.trim();
  if (!resolved.endsWith('/packages/sdk/dist/index.js'))
    throw new Error(`@puguh/sdk resolves to ${resolved || 'nothing'}, not its built dist: run pnpm build`);

  const wall = new Map<Program, number[]>(programs.map((p) => [p, []]));
  const inside: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    for (const program of interleaved(programs, run)) {
      const started = performance.now();
      const result = spawnSync(process.execPath, program.args, { cwd, env, encoding: 'utf8' });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`${program.name} failed: ${result.stderr}`);
      if (run < WARM_UP) continue;
      wall.get(program)!.push(elapsed);
      if (result.stdout.trim() !== '') inside.push(Number(result.stdout));
    }
  }

  const [fetchCall, sdkCall, coreCall, baseline, emptyModule, sdk] = programs as [
    Program,
    Program,
    Program,
    Program,
    Program,
    Program,
  ];
  const at = (p: Program) => median(wall.get(p)!);
  console.log(
    `\n## 3. Cold start of \`@puguh/sdk\` (built \`dist\`, resolved from this workspace: ` +
      `\`${resolved.slice(resolved.indexOf('/packages/'))}\`)\n\n` +
      `Wall-clock time from spawn to exit, median of ${RUNS} runs each (interleaved, after ${WARM_UP} ` +
      `warm-up runs).\n`,
  );
  console.log(
    markdownTable(
      ['process', 'median ms', 'min ms', 'max ms'],
      programs.map((p) => [
        p.name,
        formatNumber(at(p), 1),
        formatNumber(Math.min(...wall.get(p)!), 1),
        formatNumber(Math.max(...wall.get(p)!), 1),
      ]),
    ),
  );
  console.log(
    `\n- Cold import cost over \`node -e 0\`: **${formatNumber(at(sdk) - at(baseline), 1)} ms** ` +
      `(of which starting the ES module loader: ${formatNumber(at(emptyModule) - at(baseline), 1)} ms; ` +
      `over an empty ES module: ${formatNumber(at(sdk) - at(emptyModule), 1)} ms).`,
  );
  console.log(
    `- The \`import()\` itself, timed inside the process: median ${formatNumber(median(inside), 1)} ms.`,
  );
  const ratio = (a: Program, b: Program) => at(a) / at(b);
  const verdict = (value: number, target: number) => (value <= target ? 'yes' : '**no**');
  console.log('\n### Cold-start ratios (same run)\n');
  console.log(
    markdownTable(
      ['comparison', 'ratio', 'target', 'met?'],
      [
        ['import `@puguh/sdk` + one `getPlans()` / raw `fetch`', ratio(sdkCall, fetchCall), TARGETS.sdkCall],
        [
          'import core + billing + one `getPlans()` / raw `fetch`',
          ratio(coreCall, fetchCall),
          TARGETS.coreCall,
        ],
        ['plain import of `@puguh/sdk` / `node -e 0`', ratio(sdk, baseline), TARGETS.plainImport],
      ].map(([name, value, target]) => [
        name as string,
        formatRatio(value as number),
        `≤ ${formatRatio(target as number)}`,
        verdict(value as number, target as number),
      ]),
    ),
  );
}
