import { getPlans } from '@puguh/billing';
import { createPuguhCore } from '@puguh/core';
import ky from 'ky';
const body = JSON.stringify({ data: [1, 2, 3].map((i) => ({ id: `plan_${i}`, name: 'P', price: '$1', amount: 100, currency: 'usd', interval: 'month', features: ['a', 'b'], limits: { api_calls: 1000, members: 5, applications: null } })) });
const fake = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
const core = createPuguhCore({ baseUrl: 'http://127.0.0.1:1', maxRetries: 0, fetch: fake as typeof fetch });
const kyi = ky.create({ fetch: fake as typeof fetch });
const calls = { ky: () => kyi.get('http://127.0.0.1:1/v1/billing/plans').json(), sdk: () => getPlans(core), raw: async () => JSON.parse(await (await fake()).text()) };
async function run(name: keyof typeof calls, n: number, conc: number) {
  const t = performance.now();
  await Promise.all(Array.from({ length: conc }, async () => { for (let i = 0; i < n / conc; i++) await calls[name](); }));
  return ((performance.now() - t) * 1000) / n;
}
const conc = Number(process.env.C ?? 1);
for (const name of ['ky', 'sdk', 'raw'] as const) await run(name, 5000, conc);
const res: Record<string, number[]> = { ky: [], sdk: [], raw: [] };
for (let r = 0; r < 10; r++) for (const name of (r % 2 ? ['ky', 'sdk', 'raw'] : ['raw', 'sdk', 'ky']) as const) res[name]!.push(await run(name, 5000, conc));
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`c=${conc} µs/call raw ${med(res.raw!).toFixed(1)} ky ${med(res.ky!).toFixed(1)} sdk ${med(res.sdk!).toFixed(1)} → sdk-ky ${(med(res.sdk!) - med(res.ky!)).toFixed(1)} µs`);
