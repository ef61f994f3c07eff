import { decodeAccessToken } from '@puguh/auth';
import { describe, expect, test } from 'vitest';
import { client, signUp, unique } from '../support/users';

describe('context', () => {
  test('setOrganizationContext fills in orgId; clearContext makes it a TypeError before any request', async () => {
    const { client: owner, user } = await signUp();
    const org = await owner.organizations.create({ name: 'Ctx', slug: unique('ctx') });

    owner.setOrganizationContext(org.id);
    expect((await owner.organizations.get()).id).toBe(org.id);
    expect((await owner.organizations.listMembers()).map((member) => member.userId)).toEqual([user.userId]);

    owner.clearContext();
    // Thrown synchronously inside the async call, so it rejects; the message names the missing id.
    await expect(owner.organizations.get()).rejects.toThrow(TypeError);
    await expect(owner.organizations.get()).rejects.toThrow(/orgId/);
  });

  test('withContext: two tenants at once, each request carries its own organization header', async () => {
    const { client: owner, email, password } = await signUp();
    const [orgA, orgB] = await Promise.all([
      owner.organizations.create({ name: 'Tenant A', slug: unique('tenant-a') }),
      owner.organizations.create({ name: 'Tenant B', slug: unique('tenant-b') }),
    ]);
    const tenantA = owner.withContext({ organizationId: orgA.id });
    const tenantB = owner.withContext({ organizationId: orgB.id });

    // The ids come from each derived client's context, concurrently.
    const [gotA, gotB] = await Promise.all([tenantA.organizations.get(), tenantB.organizations.get()]);
    expect([gotA.id, gotB.id]).toEqual([orgA.id, orgB.id]);

    // Login has no id in its path: the server scopes the token by the X-Puguh-Organization-Id
    // header alone, so the org_id claim shows which header each concurrent request carried.
    const anonymous = client();
    const [tokensA, tokensB] = await Promise.all([
      anonymous.withContext({ organizationId: orgA.id }).auth.login({ email, password }),
      anonymous.withContext({ organizationId: orgB.id }).auth.login({ email, password }),
    ]);
    expect(decodeAccessToken(tokensA.accessToken)).toMatchObject({
      orgId: orgA.id,
      roles: ['user', 'owner'],
    });
    expect(decodeAccessToken(tokensB.accessToken)).toMatchObject({
      orgId: orgB.id,
      roles: ['user', 'owner'],
    });

    // The parent client was never changed.
    await expect(owner.organizations.get()).rejects.toThrow(TypeError);
    const plain = await anonymous.auth.login({ email, password });
    expect(decodeAccessToken(plain.accessToken).orgId).toBeUndefined();
  });
});
