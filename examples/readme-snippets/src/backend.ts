import { PuguhClient } from '@puguh/sdk';

// PUGUH_BASE_URL and PUGUH_API_KEY come from the environment.
await using client = new PuguhClient();

const org = await client.organizations.create({ name: 'Acme Corp', slug: 'acme-corp' });
await client.billing.createSubscription({ orgId: org.id, planId: 'plan_pro' });
console.log(await client.billing.getUsage({ orgId: org.id }));
