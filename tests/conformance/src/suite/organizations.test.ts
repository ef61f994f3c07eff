import { PuguhError } from '@puguh/core';
import { listOrganizations } from '@puguh/organizations';
import { describe, expect, test } from 'vitest';
import { lastMessage } from '../support/control';
import { client, signUp, unique, uniqueEmail } from '../support/users';

describe('organizations and members', () => {
  test('create makes the caller owner; get and update', async () => {
    const { client: owner, user } = await signUp();
    const slug = unique('acme');

    const created = await owner.organizations.create({ name: 'Acme', slug });
    expect(created).toMatchObject({ name: 'Acme', slug });
    expect(created.id).toMatch(/^org_/);
    expect(await owner.organizations.get({ orgId: created.id })).toEqual(created);

    const members = await owner.organizations.listMembers({ orgId: created.id });
    expect(members.map((member) => [member.userId, member.role])).toEqual([[user.userId, 'owner']]);

    const renamed = await owner.organizations.update({ orgId: created.id, name: 'Acme Inc' });
    expect(renamed).toMatchObject({ id: created.id, name: 'Acme Inc', slug });
  });

  test('list: the first page is an array; for await walks every page', async () => {
    const { client: owner } = await signUp();
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      ids.push((await owner.organizations.create({ name, slug: unique(name.toLowerCase()) })).id);
    }

    const first = await owner.organizations.list({ limit: 2 });
    expect(Array.isArray(first)).toBe(true);
    expect(first).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toEqual(expect.any(String));

    // The standalone function on the client's core: the same pages, three items over two of them.
    const seen: string[] = [];
    for await (const organization of listOrganizations(owner.core, { limit: 2 })) seen.push(organization.id);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  test('invite: a registered user joins at once; an unknown email when they register', async () => {
    const { client: owner } = await signUp();
    const member = await signUp('Grace Hopper');
    const org = await owner.organizations.create({ name: 'Invites', slug: unique('invites') });

    const accepted = await owner.organizations.inviteMember({
      orgId: org.id,
      email: member.email,
      role: 'member',
    });
    expect(accepted).toMatchObject({ email: member.email, role: 'member', status: 'accepted' });

    const newcomer = uniqueEmail();
    const pending = await owner.organizations.inviteMember({ orgId: org.id, email: newcomer, role: 'admin' });
    expect(pending).toMatchObject({ email: newcomer, role: 'admin', status: 'pending' });
    expect((await lastMessage(newcomer)).kind).toBe('invitation');

    const registered = await client().auth.register({
      email: newcomer,
      password: 'correct horse 42',
      fullName: 'New',
    });
    const roles = new Map(
      (await owner.organizations.listMembers({ orgId: org.id })).map((entry) => [entry.userId, entry.role]),
    );
    expect(roles.get(member.user.userId)).toBe('member');
    expect(roles.get(registered.userId)).toBe('admin');
  });

  test('role change and removal; a member may read but not change', async () => {
    const { client: owner } = await signUp();
    const member = await signUp();
    const org = await owner.organizations.create({ name: 'Roles', slug: unique('roles') });
    await owner.organizations.inviteMember({ orgId: org.id, email: member.email, role: 'member' });

    expect((await member.client.organizations.get({ orgId: org.id })).id).toBe(org.id);
    const denied = await member.client.organizations
      .update({ orgId: org.id, name: 'Mine now' })
      .catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(PuguhError);
    expect(denied).toMatchObject({ statusCode: 403, code: 'forbidden' });

    const promoted = await owner.organizations.updateMemberRole({
      orgId: org.id,
      userId: member.user.userId,
      role: 'admin',
    });
    expect(promoted).toMatchObject({ userId: member.user.userId, role: 'admin' });

    await owner.organizations.removeMember({ orgId: org.id, userId: member.user.userId });
    const remaining = await owner.organizations.listMembers({ orgId: org.id });
    expect(remaining.map((entry) => entry.userId)).not.toContain(member.user.userId);
    // No longer a member: the organization is hidden from them.
    await expect(member.client.organizations.get({ orgId: org.id })).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  test('the last owner can be neither demoted nor removed', async () => {
    const { client: owner, user } = await signUp();
    const org = await owner.organizations.create({ name: 'Solo', slug: unique('solo') });

    await expect(
      owner.organizations.updateMemberRole({ orgId: org.id, userId: user.userId, role: 'admin' }),
    ).rejects.toMatchObject({ name: 'PuguhError', statusCode: 409, code: 'last_owner' });
    await expect(
      owner.organizations.removeMember({ orgId: org.id, userId: user.userId }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'last_owner',
    });
    expect((await owner.organizations.listMembers({ orgId: org.id }))[0]?.role).toBe('owner');
  });
});
