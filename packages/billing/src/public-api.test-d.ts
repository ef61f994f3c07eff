import type { Page, PageRequest } from '@puguh/core';
import type * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type cancelSubscription,
  createSubscription,
  type GetSubscriptionInput,
  type getInvoices,
  type getPlan,
  type getPlans,
  type getSubscription,
  type getUsage,
  type Invoice,
  type Plan,
  type Subscription,
  type SubscriptionStatus,
  type Usage,
  type upgradeSubscription,
} from './index';
import type { InvoiceSchema } from './schemas/invoice';
import type { PlanListSchema, PlanSchema } from './schemas/plan';
import type { OptionalSubscriptionSchema, SubscriptionSchema } from './schemas/subscription';
import type { UsageSchema } from './schemas/usage';

describe('schemas produce exactly the public types', () => {
  test('Plan', () => {
    expectTypeOf<v.InferOutput<typeof PlanSchema>>().toEqualTypeOf<Plan>();
    expectTypeOf<v.InferOutput<typeof PlanListSchema>>().toEqualTypeOf<Plan[]>();
  });
  test('Subscription', () => {
    expectTypeOf<v.InferOutput<typeof SubscriptionSchema>>().toEqualTypeOf<Subscription>();
    expectTypeOf<v.InferOutput<typeof OptionalSubscriptionSchema>>().toEqualTypeOf<Subscription | null>();
  });
  test('Invoice', () => {
    expectTypeOf<v.InferOutput<typeof InvoiceSchema>>().toEqualTypeOf<Invoice>();
  });
  test('Usage', () => {
    expectTypeOf<v.InferOutput<typeof UsageSchema>>().toEqualTypeOf<Usage>();
  });
});

describe('functions resolve to typed results, never any', () => {
  test('getPlans / getPlan', () => {
    expectTypeOf<Awaited<ReturnType<typeof getPlans>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof getPlans>>>().toEqualTypeOf<Plan[]>();
    expectTypeOf<Awaited<ReturnType<typeof getPlan>>>().toEqualTypeOf<Plan>();
  });
  test('getSubscription', () => {
    expectTypeOf<Awaited<ReturnType<typeof getSubscription>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof getSubscription>>>().toEqualTypeOf<Subscription | null>();
  });
  test('createSubscription / upgradeSubscription / cancelSubscription', () => {
    expectTypeOf<Awaited<ReturnType<typeof createSubscription>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof createSubscription>>>().toEqualTypeOf<Subscription>();
    expectTypeOf<Awaited<ReturnType<typeof upgradeSubscription>>>().toEqualTypeOf<Subscription>();
    expectTypeOf<Awaited<ReturnType<typeof cancelSubscription>>>().toEqualTypeOf<Subscription>();
  });
  test('getInvoices', () => {
    expectTypeOf<ReturnType<typeof getInvoices>>().not.toBeAny();
    expectTypeOf<ReturnType<typeof getInvoices>>().toEqualTypeOf<PageRequest<Invoice>>();
    expectTypeOf<Awaited<ReturnType<typeof getInvoices>>>().toEqualTypeOf<Page<Invoice>>();
  });
  test('getUsage', () => {
    expectTypeOf<Awaited<ReturnType<typeof getUsage>>>().not.toBeAny();
    expectTypeOf<Awaited<ReturnType<typeof getUsage>>>().toEqualTypeOf<Usage>();
    expectTypeOf<Usage['apiCalls']['limit']>().toEqualTypeOf<number | null>();
  });
});

describe('types', () => {
  test('statuses from the server are open unions that still offer the known values', () => {
    expectTypeOf<'active'>().toMatchTypeOf<SubscriptionStatus>();
    expectTypeOf<'some_future_status'>().toMatchTypeOf<SubscriptionStatus>();
    expectTypeOf<Invoice['status']>().toMatchTypeOf<string>();
  });
  test('all-optional inputs may be omitted', () => {
    expectTypeOf<Parameters<typeof getSubscription>[1]>().toEqualTypeOf<GetSubscriptionInput | undefined>();
    // @ts-expect-error planId is required
    createSubscription(null as never, { orgId: 'org_1' });
  });
});
