// 4. context: set an organization/application once instead of passing ids to every call.
import type { Organization } from '@puguh/sdk';
import { check, expectError } from '../checks';
import type { Demo } from '../demo';
import type { Step } from '../tour';

export const CONTEXT_STEPS = [
  'setOrganizationContext',
  'setApplicationContext',
  'clearContext',
  'withContext',
] as const;

/** Walks through the context methods with the service client, as the Python docs do. */
export async function contextSteps(
  step: Step<(typeof CONTEXT_STEPS)[number]>,
  { server, service }: Demo,
  organization: Organization,
): Promise<void> {
  await step('setOrganizationContext', async (say) => {
    service.setOrganizationContext(organization.id);
    // No orgId below: the context supplies it (and is sent as X-Puguh-Organization-Id).
    const org = await service.organizations.get();
    const members = await service.organizations.listMembers();
    say(`get() → ${org.name}, listMembers() → ${members.length} members, no orgId passed`);
  });

  await step('setApplicationContext', async (say) => {
    const created = await service.applications.create({ name: 'Docs Site', slug: 'docs-site' });
    service.setApplicationContext(created.id);
    const app = await service.applications.get();
    say(`create() used the context's orgId; get() → ${app.name} (${app.slug})`);
  });

  await step('clearContext', async (say) => {
    service.clearContext();
    const lastRequest = server.requests.at(-1);
    // With no id and no context, the SDK refuses before sending anything.
    const error = await expectError(TypeError, () => service.organizations.get());
    check(server.requests.at(-1) === lastRequest, 'a request was sent anyway');
    // The message goes on to say how to fix it; its first clause is enough here.
    say(`get() → TypeError, no request sent: ${error.message.split(':')[0]}`);
  });

  await step('withContext', async (say) => {
    const globex = await service.organizations.create({ name: 'Globex', slug: 'globex' });
    // Derived clients share the transport but each has its own context: safe for a server that
    // handles many tenants at once, where switching one shared client's context would race.
    const acmeClient = service.withContext({ organizationId: organization.id });
    const globexClient = service.withContext({ organizationId: globex.id });
    const [acme, other] = await Promise.all([
      acmeClient.organizations.get(),
      globexClient.organizations.get(),
    ]);
    check(acme.id === organization.id && other.id === globex.id, 'a derived client used the wrong tenant');
    say(`two tenants at once: ${acme.name} | ${other.name}`);
  });
}
