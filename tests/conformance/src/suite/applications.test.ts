import { addApplicationMember, createApplication, listApplicationMembers } from '@puguh/applications';
import { describe, expect, test } from 'vitest';
import { signUp, unique } from '../support/users';

describe('applications', () => {
  test('create, list, get and update inside an organization', async () => {
    const { client: owner } = await signUp();
    const org = await owner.organizations.create({ name: 'Apps', slug: unique('apps') });
    const slug = unique('web');

    const app = await owner.applications.create({ orgId: org.id, name: 'Web', slug });
    expect(app).toMatchObject({ organizationId: org.id, name: 'Web', slug });
    expect(app.id).toMatch(/^app_/);

    expect((await owner.applications.list({ orgId: org.id })).map((entry) => entry.id)).toEqual([app.id]);
    expect(await owner.applications.get({ appId: app.id })).toEqual(app);
    expect(await owner.applications.update({ appId: app.id, name: 'Website' })).toMatchObject({
      name: 'Website',
    });
  });

  test('members: an organization member can be added; an outsider cannot', async () => {
    const { client: owner } = await signUp();
    const colleague = await signUp();
    const outsider = await signUp();
    const org = await owner.organizations.create({ name: 'Team', slug: unique('team') });
    await owner.organizations.inviteMember({ orgId: org.id, email: colleague.email, role: 'member' });
    // The standalone functions of @puguh/applications, on the owner's core.
    const app = await createApplication(owner.core, { orgId: org.id, name: 'API', slug: unique('api') });

    const added = await addApplicationMember(owner.core, {
      appId: app.id,
      userId: colleague.user.userId,
      role: 'member',
    });
    expect(added).toMatchObject({ userId: colleague.user.userId, email: colleague.email, role: 'member' });
    const members = await listApplicationMembers(owner.core, { appId: app.id });
    expect(members.map((member) => member.userId)).toContain(colleague.user.userId);

    await expect(
      addApplicationMember(owner.core, { appId: app.id, userId: outsider.user.userId, role: 'member' }),
    ).rejects.toMatchObject({ name: 'PuguhError', statusCode: 422, code: 'not_organization_member' });
  });
});
