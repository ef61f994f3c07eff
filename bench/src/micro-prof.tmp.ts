import { getPlans } from '@puguh/billing';
import { createPuguhCore } from '@puguh/core';
const body = JSON.stringify({ data: [1, 2, 3].map((i) => ({ id: `plan_${i}`, name: 'P', price: '$1', amount: 100, currency: 'usd', interval: 'month', features: ['a', 'b'], limits: { api_calls: 1000, members: 5, applications: null } })) });
const fake = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(body.length) } });
const core = createPuguhCore({ baseUrl: 'http://127.0.0.1:1', maxRetries: 0, fetch: fake as typeof fetch });
for (let i = 0; i < 60000; i++) await getPlans(core);
