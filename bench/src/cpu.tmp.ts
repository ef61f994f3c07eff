import { getPlans } from '@puguh/billing';
import { createPuguhCore } from '@puguh/core';
import ky from 'ky';
import { startServer } from './server-handle';
const server = await startServer();
const core = createPuguhCore({ baseUrl: server.url, maxRetries: 0 });
const url = `${server.url}/v1/billing/plans`;
const calls = { ky: () => ky.get(url).json(), sdk: () => getPlans(core), fetch: async () => JSON.parse(await (await fetch(url)).text()) };
const conc = Number(process.env.C ?? 64);
const res: Record<string, number[]> = { ky: [], sdk: [], fetch: [] };
async function run(name: keyof typeof calls, n: number) {
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: conc }, async () => { for (let i = 0; i < n / conc; i++) await calls[name](); }));
  const c = process.cpuUsage(cpu);
  return (c.user + c.system) / n;
}
for (const name of ['ky', 'sdk', 'fetch'] as const) await run(name, 2000);
for (let r = 0; r < Number(process.env.R ?? 8); r++) for (const name of (r % 2 ? ['ky', 'sdk', 'fetch'] : ['fetch', 'sdk', 'ky']) as const) res[name]!.push(await run(name, 3000));
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const pair = res.sdk!.map((v, i) => v / res.ky![i]!);
console.log(`paired sdk/ky median ${med(pair).toFixed(3)} [${pair.map((x) => x.toFixed(2)).join(' ')}]`);
console.log(`c=${conc} cpu µs/req  fetch ${med(res.fetch!).toFixed(0)}  ky ${med(res.ky!).toFixed(0)}  sdk ${med(res.sdk!).toFixed(0)}  sdk/ky ${(med(res.sdk!) / med(res.ky!)).toFixed(3)}`);
await server.close();
