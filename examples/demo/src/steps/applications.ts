// 3. applications: Ada manages an application inside her organization.
import type { PuguhClient } from '@puguh/sdk';
import { check } from '../checks';
import type { Step } from '../tour';
import type { Tenant } from './organizations';

export const APPLICATION_STEPS = [
  'create',
  'list',
  'get',
  'update',
  'addMember',
  'listMembers',
  'delete',
] as const;

/** Walks through `client.applications` as Ada, the organization's owner. */
export async function applicationSteps(
  step: Step<(typeof APPLICATION_STEPS)[number]>,
  ada: PuguhClient,
  { organization, bob }: Tenant,
): Promise<void> {
  const orgId = organization.id;

  const appId = await step('create', async (say) => {
    const app = await ada.applications.create({ orgId, name: 'My SaaS App', slug: 'my-saas-app' });
    say(`${app.id} ${app.name} (${app.slug}) in ${app.organizationId}`);
    return app.id;
  });

  await step('list', async (say) => {
    const apps = await ada.applications.list({ orgId });
    say(`${apps.length} in ${organization.name}: ${apps.map((app) => app.name).join(', ')}`);
  });

  await step('get', async (say) => {
    const app = await ada.applications.get({ appId });
    say(`${app.name}, created ${app.createdAt}`);
  });

  await step('update', async (say) => {
    const app = await ada.applications.update({ appId, name: 'My SaaS App v2' });
    say(`renamed to ${app.name}`);
  });

  await step('addMember', async (say) => {
    // Only a member of the application's organization can join it: Bob is one.
    const member = await ada.applications.addMember({ appId, userId: bob.userId, role: 'member' });
    say(`${member.email} joins as ${member.role}`);
  });

  await step('listMembers', async (say) => {
    const members = await ada.applications.listMembers({ appId });
    say(members.map((member) => `${member.email} (${member.role})`).join(', '));
  });

  await step('delete', async (say) => {
    await ada.applications.delete({ appId });
    const remaining = await ada.applications.list({ orgId });
    check(remaining.length === 0, 'the application is still listed');
    say(`deleted; ${organization.name} has ${remaining.length} applications`);
  });
}
