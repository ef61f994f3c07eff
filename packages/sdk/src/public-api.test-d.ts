import type * as applications from '@puguh/applications';
import type * as auth from '@puguh/auth';
import type * as billing from '@puguh/billing';
import type * as core from '@puguh/core';
import type * as organizations from '@puguh/organizations';
import { expectTypeOf, test } from 'vitest';
import type * as sdk from './index';

// Types vanish at run time, so the drift test cannot see them: these pin the public types that
// users of @puguh/sdk import by name to the very types of their home packages.
test('@puguh/sdk re-exports the public types of the packages it bundles', () => {
  expectTypeOf<sdk.PuguhOptions>().toEqualTypeOf<core.PuguhOptions>();
  expectTypeOf<sdk.RequestOptions>().toEqualTypeOf<core.RequestOptions>();
  expectTypeOf<sdk.Page<sdk.Organization>>().toEqualTypeOf<core.Page<organizations.Organization>>();
  expectTypeOf<sdk.Member>().toEqualTypeOf<core.Member>();
  expectTypeOf<sdk.TokenSet>().toEqualTypeOf<auth.TokenSet>();
  expectTypeOf<sdk.AccessTokenClaims>().toEqualTypeOf<auth.AccessTokenClaims>();
  expectTypeOf<sdk.UserContext>().toEqualTypeOf<auth.UserContext>();
  expectTypeOf<sdk.Application>().toEqualTypeOf<applications.Application>();
  expectTypeOf<sdk.ApplicationRole>().toEqualTypeOf<applications.ApplicationRole>();
  expectTypeOf<sdk.OrganizationRole>().toEqualTypeOf<organizations.OrganizationRole>();
  expectTypeOf<sdk.Invitation>().toEqualTypeOf<organizations.Invitation>();
  expectTypeOf<sdk.Plan>().toEqualTypeOf<billing.Plan>();
  expectTypeOf<sdk.Subscription>().toEqualTypeOf<billing.Subscription>();
  expectTypeOf<sdk.Invoice>().toEqualTypeOf<billing.Invoice>();
  expectTypeOf<sdk.Usage>().toEqualTypeOf<billing.Usage>();
  expectTypeOf<sdk.PuguhClient['billing']>().toEqualTypeOf<sdk.BillingNamespace>();
});

test('facade methods keep the standalone signatures, minus the core, and never degrade to any', () => {
  expectTypeOf<sdk.PuguhClient['billing']['getPlans']>().returns.resolves.toEqualTypeOf<billing.Plan[]>();
  expectTypeOf<sdk.PuguhClient['organizations']['list']>().parameters.toEqualTypeOf<
    Parameters<typeof organizations.listOrganizations> extends [unknown, ...infer Rest] ? Rest : never
  >();
  expectTypeOf<sdk.PuguhClient['auth']['login']>().returns.resolves.not.toBeAny();
});
