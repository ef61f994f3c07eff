import type { Page, PageRequest, PuguhCore, RequestOptions } from '@puguh/core';
import type { MemberSchema } from '@puguh/core/internal';
import type * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  type Invitation,
  type InvitationStatus,
  inviteOrganizationMember,
  listOrganizationMembers,
  listOrganizations,
  type Member,
  type Organization,
  type OrganizationRole,
  removeOrganizationMember,
  updateOrganization,
  updateOrganizationMemberRole,
} from './index';
import type { InvitationSchema } from './schemas/invitation';
import type { OrganizationSchema } from './schemas/organization';

declare const core: PuguhCore;

describe('schemas produce exactly the public types', () => {
  test('Organization', () => {
    expectTypeOf<v.InferOutput<typeof OrganizationSchema>>().toEqualTypeOf<Organization>();
  });
  test('Member', () => {
    expectTypeOf<v.InferOutput<typeof MemberSchema>>().toEqualTypeOf<Member>();
  });
  test('Invitation', () => {
    expectTypeOf<v.InferOutput<typeof InvitationSchema>>().toEqualTypeOf<Invitation>();
  });
});

describe('functions resolve to their public types, never any', () => {
  test('lists return a PageRequest that awaits to a Page and iterates items', () => {
    expectTypeOf(listOrganizations).returns.toEqualTypeOf<PageRequest<Organization>>();
    expectTypeOf(listOrganizationMembers).returns.toEqualTypeOf<PageRequest<Member>>();
    expectTypeOf<Awaited<ReturnType<typeof listOrganizations>>>().toEqualTypeOf<Page<Organization>>();
    expectTypeOf<Awaited<ReturnType<typeof listOrganizationMembers>>>().toEqualTypeOf<Page<Member>>();
    expectTypeOf<Awaited<ReturnType<typeof listOrganizations>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof listOrganizationMembers>>>().not.toBeAny();
    expectTypeOf(listOrganizations(core)).toMatchTypeOf<AsyncIterable<Organization>>();
    expectTypeOf(listOrganizationMembers(core, { orgId: 'org_1' })).toMatchTypeOf<AsyncIterable<Member>>();
  });

  test('single-resource calls', () => {
    expectTypeOf<Awaited<ReturnType<typeof createOrganization>>>().toEqualTypeOf<Organization>();
    expectTypeOf<Awaited<ReturnType<typeof getOrganization>>>().toEqualTypeOf<Organization>();
    expectTypeOf<Awaited<ReturnType<typeof updateOrganization>>>().toEqualTypeOf<Organization>();
    expectTypeOf<Awaited<ReturnType<typeof deleteOrganization>>>().toEqualTypeOf<void>();
    expectTypeOf<Awaited<ReturnType<typeof inviteOrganizationMember>>>().toEqualTypeOf<Invitation>();
    expectTypeOf<Awaited<ReturnType<typeof updateOrganizationMemberRole>>>().toEqualTypeOf<Member>();
    expectTypeOf<Awaited<ReturnType<typeof removeOrganizationMember>>>().toEqualTypeOf<void>();
    expectTypeOf<Awaited<ReturnType<typeof createOrganization>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof getOrganization>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof updateOrganization>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof deleteOrganization>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof inviteOrganizationMember>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof updateOrganizationMemberRole>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof removeOrganizationMember>>>().not.toBeAny();
  });
});

describe('inputs', () => {
  test('the roles a caller sends are closed; the ones read back are open', () => {
    expectTypeOf<OrganizationRole>().toEqualTypeOf<'owner' | 'admin' | 'member'>();
    // @ts-expect-error a role outside the closed union does not compile
    inviteOrganizationMember(core, { orgId: 'org_1', email: 'a@example.com', role: 'superuser' });
    // @ts-expect-error a role outside the closed union does not compile
    updateOrganizationMemberRole(core, { userId: 'usr_1', role: 'root' });
    expectTypeOf<Member['role']>().toMatchTypeOf<string>();
    expectTypeOf<'billing_admin'>().toMatchTypeOf<Member['role']>();
    expectTypeOf<'expired'>().toMatchTypeOf<InvitationStatus>();
  });

  test('orgId is optional everywhere; all-optional inputs may be omitted', () => {
    getOrganization(core);
    deleteOrganization(core);
    listOrganizations(core);
    listOrganizationMembers(core);
    updateOrganization(core, { name: 'x' });
    removeOrganizationMember(core, { userId: 'usr_1' });
    getOrganization(core, { orgId: undefined });
  });

  test('required fields are required', () => {
    // @ts-expect-error slug is required
    createOrganization(core, { name: 'Acme' });
    // @ts-expect-error userId is required
    removeOrganizationMember(core, {});
    // @ts-expect-error email is required
    inviteOrganizationMember(core, { role: 'member' });
  });

  test('every function takes RequestOptions last', () => {
    expectTypeOf(getOrganization).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(listOrganizations).parameter(2).toEqualTypeOf<RequestOptions | undefined>();
  });
});
