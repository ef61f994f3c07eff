import { PuguhClient } from '@puguh/sdk';

const client = new PuguhClient();

// Scripts: set the context once, then leave the ids out (as in the Python SDK).
client.setOrganizationContext('org_123');
client.setApplicationContext('app_456');
const members = await client.organizations.listMembers(); // org_123's members
const app = await client.applications.get(); // app_456
client.clearContext();

// Servers handling many tenants at once: a derived client per request, never a shared mutation.
async function usageFor(orgId: string) {
  const tenant = client.withContext({ organizationId: orgId });
  return tenant.billing.getUsage();
}

console.log(members.length, app.name, await usageFor('org_789'));
