// 2. organizations: Ada's client creates a tenant and manages its members.
import type { Member, Organization, PuguhClient, User } from '@puguh/sdk';
import { check } from '../checks';
import type { Demo } from '../demo';
import { ADA, BOB, CAROL } from '../people';
import type { Step } from '../tour';

export const ORGANIZATION_STEPS = [
  'create',
  'list',
  'list (for await)',
  'get',
  'update',
  'listMembers',
  'inviteMember (registered)',
  'inviteMember (new email)',
  'invitee registers',
  'updateMemberRole',
  'removeMember',
] as const;

/** What the later sections build on. */
export interface Tenant {
  /** Ada's organization. */
  readonly organization: Organization;
  /** Bob, a member of it (an admin by the end of this section). */
  readonly bob: User;
}

/**
 * Walks through `client.organizations` as Ada, a signed-in user.
 *
 * @returns Ada's organization and Bob, its second member.
 */
export async function organizationSteps(
  step: Step<(typeof ORGANIZATION_STEPS)[number]>,
  { server, service }: Demo,
  ada: PuguhClient,
): Promise<Tenant> {
  const created = await step('create', async (say) => {
    const organization = await ada.organizations.create({ name: 'Acme Corp', slug: 'acme-corp' });
    say(`${organization.id} ${organization.name} (${organization.slug})`);
    return organization;
  });
  const orgId = created.id;

  await step('list', async (say) => {
    // The first page is a real array, so a plain for…of works, as in Python.
    const orgs = await ada.organizations.list();
    const names: string[] = [];
    for (const org of orgs) names.push(`${org.name} (${org.slug})`);
    say(`${orgs.length} on the first page (hasMore ${orgs.hasMore}): ${names.join(', ')}`);
  });

  await step('list (for await)', async (say) => {
    // `for await` walks every page, fetching the next one only when needed (here 1 item per page).
    const slugs: string[] = [];
    for await (const org of ada.organizations.list({ limit: 1 })) slugs.push(org.slug);
    say(`every item of every page (fetched 1 per page): ${slugs.join(', ')}`);
  });

  await step('get', async (say) => {
    const organization = await ada.organizations.get({ orgId });
    say(`${organization.name}, created ${organization.createdAt}`);
  });

  const organization = await step('update', async (say) => {
    const organization = await ada.organizations.update({ orgId, name: 'Acme Corporation' });
    say(`renamed to ${organization.name}`);
    return organization;
  });

  await step('listMembers', async (say) => {
    const members = await ada.organizations.listMembers({ orgId });
    const creator = members.find((member) => member.email === ADA.email);
    check(creator?.role === 'owner', 'Ada created the organization but does not own it');
    say(`${describeMembers(members)}: the creator is the owner`);
  });

  const bob = await step('inviteMember (registered)', async (say) => {
    const bob = await service.auth.register(BOB);
    const invitation = await ada.organizations.inviteMember({ orgId, email: BOB.email, role: 'member' });
    check(invitation.status === 'accepted', `the invitation is ${invitation.status}, not accepted`);
    say(`${invitation.email} has an account: ${invitation.status} at once, as ${invitation.role}`);
    return bob;
  });

  await step('inviteMember (new email)', async (say) => {
    const invitation = await ada.organizations.inviteMember({ orgId, email: CAROL.email, role: 'member' });
    check(invitation.status === 'pending', `the invitation is ${invitation.status}, not pending`);
    check(server.outbox.last(CAROL.email)?.kind === 'invitation', 'no invitation email reached the outbox');
    say(`${invitation.email} has no account: ${invitation.status}, invitation email in the outbox`);
  });

  const carol = await step('invitee registers', async (say) => {
    const carol = await service.auth.register(CAROL);
    const members = await ada.organizations.listMembers({ orgId });
    const joined = members.find((member) => member.userId === carol.userId);
    check(joined !== undefined, 'Carol registered but is not a member');
    say(`${joined.email} signs up and is a ${joined.role} at once (${members.length} members)`);
    return carol;
  });

  await step('updateMemberRole', async (say) => {
    const member = await ada.organizations.updateMemberRole({ orgId, userId: bob.userId, role: 'admin' });
    say(`${member.email} is now ${member.role}`);
  });

  await step('removeMember', async (say) => {
    await ada.organizations.removeMember({ orgId, userId: carol.userId });
    say(`Carol removed: ${describeMembers(await ada.organizations.listMembers({ orgId }))}`);
  });

  return { organization, bob };
}

/** `ada@example.test (owner), bob@example.test (member)`. */
function describeMembers(members: readonly Member[]): string {
  return members.map((member) => `${member.email} (${member.role})`).join(', ');
}
