import type { Page, PageRequest } from '@puguh/core';
import type { MemberSchema } from '@puguh/core/internal';
import type * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type AddApplicationMemberInput,
  type Application,
  type ApplicationRole,
  addApplicationMember,
  createApplication,
  type deleteApplication,
  type GetApplicationInput,
  type getApplication,
  type ListApplicationsInput,
  type listApplicationMembers,
  type listApplications,
  type Member,
  type updateApplication,
} from './index';
import type { ApplicationSchema } from './schemas/application';

describe('schemas produce exactly the public types', () => {
  test('Application', () => {
    expectTypeOf<v.InferOutput<typeof ApplicationSchema>>().toEqualTypeOf<Application>();
  });
  test('Member', () => {
    expectTypeOf<v.InferOutput<typeof MemberSchema>>().toEqualTypeOf<Member>();
  });
});

describe('functions resolve to typed results, never any', () => {
  test('listApplications', () => {
    expectTypeOf<ReturnType<typeof listApplications>>().not.toBeAny();
    expectTypeOf<ReturnType<typeof listApplications>>().toEqualTypeOf<PageRequest<Application>>();
    expectTypeOf<Awaited<ReturnType<typeof listApplications>>>().toEqualTypeOf<Page<Application>>();
    expectTypeOf<ReturnType<typeof listApplications>>().toMatchTypeOf<AsyncIterable<Application>>();
  });
  test('createApplication', () => {
    expectTypeOf<Awaited<ReturnType<typeof createApplication>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof createApplication>>>().toEqualTypeOf<Application>();
  });
  test('getApplication', () => {
    expectTypeOf<Awaited<ReturnType<typeof getApplication>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof getApplication>>>().toEqualTypeOf<Application>();
  });
  test('updateApplication', () => {
    expectTypeOf<Awaited<ReturnType<typeof updateApplication>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof updateApplication>>>().toEqualTypeOf<Application>();
  });
  test('deleteApplication', () => {
    expectTypeOf<Awaited<ReturnType<typeof deleteApplication>>>().toEqualTypeOf<void>();
  });
  test('listApplicationMembers', () => {
    expectTypeOf<ReturnType<typeof listApplicationMembers>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof listApplicationMembers>>>().toEqualTypeOf<Page<Member>>();
  });
  test('addApplicationMember', () => {
    expectTypeOf<Awaited<ReturnType<typeof addApplicationMember>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof addApplicationMember>>>().toEqualTypeOf<Member>();
  });
});

describe('inputs', () => {
  test('roles sent are a closed union', () => {
    expectTypeOf<ApplicationRole>().toEqualTypeOf<'owner' | 'admin' | 'member'>();
    expectTypeOf<AddApplicationMemberInput['role']>().toEqualTypeOf<ApplicationRole>();
  });
  test('ids are optional where a context can supply them; all-optional inputs may be omitted', () => {
    expectTypeOf<Parameters<typeof getApplication>[1]>().toEqualTypeOf<GetApplicationInput | undefined>();
    expectTypeOf<Parameters<typeof listApplications>[1]>().toEqualTypeOf<ListApplicationsInput | undefined>();
    // @ts-expect-error name and slug are required
    createApplication(null as never, { orgId: 'org_1' });
    // @ts-expect-error an unknown role does not compile
    addApplicationMember(null as never, { userId: 'usr_1', role: 'superuser' });
  });
});
