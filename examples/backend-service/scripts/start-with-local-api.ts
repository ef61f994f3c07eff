// `pnpm dev`: the local PUGUH API (in memory, on a free loopback port) and this service, in one
// process, wired together — nothing to copy between terminals. Stop both with Ctrl-C.
import { PuguhClient } from '@puguh/sdk';
import { createPuguhServer } from '@puguh/testing';
import { debugLogger, readPort } from '../src/config';
import { startService } from '../src/service';
import { onShutdownSignal } from '../src/shutdown-signals';

const DEMO_USER = { email: 'demo@puguh.test', password: 'demo-password', fullName: 'Demo User' };

const logger = debugLogger(process.env);
const localApi = createPuguhServer({ users: [DEMO_USER] });
const api = await localApi.listen({ port: 0, hostname: '127.0.0.1' });

// The same wiring as src/main.ts, with the local API's URL and service key instead of the environment.
const client = new PuguhClient({ baseUrl: api.url, apiKey: localApi.apiKey, logger });
const service = await startService({ client, port: readPort(process.env), logger });

// A ready-made user owning a subscribed organization, so every route has something to show.
const session = await client.auth.login({ email: DEMO_USER.email, password: DEMO_USER.password });
await using demo = new PuguhClient({ baseUrl: api.url, accessToken: session.accessToken });
const organization = await demo.organizations.create({ name: 'Demo Org', slug: 'demo-org' });
await demo.billing.createSubscription({ orgId: organization.id, planId: 'plan_pro' });

console.log(`backend-service listening on ${service.url}
  (local PUGUH API on ${api.url}; demo user ${DEMO_USER.email} / ${DEMO_USER.password})

Try it (the demo token is a local, 15-minute access token):
  export TOKEN=${session.accessToken}
  curl ${service.url}/plans
  curl ${service.url}/me/organizations -H "authorization: Bearer $TOKEN"
  curl ${service.url}/tenants/${organization.id}/usage
  curl ${service.url}/tenants/${organization.id}/subscription
  curl ${service.url}/healthz

Press Ctrl-C to stop.`);

onShutdownSignal(async (signal) => {
  console.log(`${signal}: stopping the service, then the local API`);
  const outcome = await service.stop();
  await api.close();
  return outcome === 'drained' ? 0 : 1;
});
