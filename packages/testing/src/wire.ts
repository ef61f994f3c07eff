import { formatMoney, type PlanRecord } from './plans';
import { iso } from './state';
import type {
  ApplicationRecord,
  InvitationRecord,
  InvoiceRecord,
  MembershipRecord,
  OrganizationRecord,
  SubscriptionRecord,
  UserRecord,
} from './store';

// The wire shapes of docs/decisions/0002-wire-contract.md, snake_case, built from store records.

/**
 * The wire form of `User`.
 *
 * @example
 * ```ts
 * const user: UserWire = userWire(record);
 * ```
 *
 * @internal
 */
export interface UserWire {
  readonly user_id: string;
  readonly email: string;
  readonly full_name: string;
  readonly created_at: string;
}

/**
 * The wire form of a user.
 *
 * @param user The stored user.
 *
 * @returns `{user_id, email, full_name, created_at}`.
 *
 * @example
 * ```ts
 * c.json(userWire(user), 201);
 * ```
 *
 * @internal
 */
export function userWire(user: UserRecord): UserWire {
  return { user_id: user.id, email: user.email, full_name: user.fullName, created_at: iso(user.createdAt) };
}

/**
 * The wire form of an organization.
 *
 * @param organization The stored organization.
 *
 * @returns `{id, name, slug, created_at, updated_at}`.
 *
 * @example
 * ```ts
 * c.json(organizationWire(organization));
 * ```
 *
 * @internal
 */
export function organizationWire(organization: OrganizationRecord): Record<string, unknown> {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    created_at: iso(organization.createdAt),
    updated_at: iso(organization.updatedAt),
  };
}

/**
 * The wire form of an organization or application member.
 *
 * @param membership The membership.
 * @param user The member's user.
 *
 * @returns `{user_id, email, full_name, role, joined_at}`.
 *
 * @example
 * ```ts
 * c.json(memberWire(membership, user));
 * ```
 *
 * @internal
 */
export function memberWire(membership: MembershipRecord, user: UserRecord): Record<string, unknown> {
  return {
    user_id: user.id,
    email: user.email,
    full_name: user.fullName,
    role: membership.role,
    joined_at: iso(membership.joinedAt),
  };
}

/**
 * The wire form of an invitation.
 *
 * @param invitation The stored invitation.
 *
 * @returns `{id, organization_id, email, role, status, expires_at, created_at}`.
 *
 * @example
 * ```ts
 * c.json(invitationWire(invitation), 201);
 * ```
 *
 * @internal
 */
export function invitationWire(invitation: InvitationRecord): Record<string, unknown> {
  return {
    id: invitation.id,
    organization_id: invitation.organizationId,
    email: invitation.email,
    role: invitation.role,
    status: invitation.status,
    expires_at: iso(invitation.expiresAt),
    created_at: iso(invitation.createdAt),
  };
}

/**
 * The wire form of an application.
 *
 * @param application The stored application.
 *
 * @returns `{id, organization_id, name, slug, created_at, updated_at}`.
 *
 * @example
 * ```ts
 * c.json(applicationWire(application), 201);
 * ```
 *
 * @internal
 */
export function applicationWire(application: ApplicationRecord): Record<string, unknown> {
  return {
    id: application.id,
    organization_id: application.organizationId,
    name: application.name,
    slug: application.slug,
    created_at: iso(application.createdAt),
    updated_at: iso(application.updatedAt),
  };
}

/**
 * The wire form of a plan.
 *
 * @param plan The seeded plan.
 *
 * @returns `{id, name, amount, currency, price, interval, features, limits}`.
 *
 * @example
 * ```ts
 * c.json(planWire(plan));
 * ```
 *
 * @internal
 */
export function planWire(plan: PlanRecord): Record<string, unknown> {
  return {
    id: plan.id,
    name: plan.name,
    amount: plan.amount,
    currency: plan.currency,
    price: formatMoney(plan.amount, plan.currency),
    interval: plan.interval,
    features: [...plan.features],
    limits: {
      api_calls: plan.limits.apiCalls,
      members: plan.limits.members,
      applications: plan.limits.applications,
    },
  };
}

/**
 * The wire form of a subscription.
 *
 * @param subscription The stored subscription.
 * @param plan Its plan (for `plan_name`).
 *
 * @returns `{id, organization_id, plan_id, plan_name, status, current_period_start, current_period_end, cancel_at_period_end, created_at}`.
 *
 * @example
 * ```ts
 * c.json(subscriptionWire(subscription, plan), 201);
 * ```
 *
 * @internal
 */
export function subscriptionWire(
  subscription: SubscriptionRecord,
  plan: PlanRecord,
): Record<string, unknown> {
  return {
    id: subscription.id,
    organization_id: subscription.organizationId,
    plan_id: subscription.planId,
    plan_name: plan.name,
    status: subscription.status,
    current_period_start: iso(subscription.currentPeriodStart),
    current_period_end: iso(subscription.currentPeriodEnd),
    cancel_at_period_end: subscription.cancelAtPeriodEnd,
    created_at: iso(subscription.createdAt),
  };
}

/**
 * The wire form of an invoice.
 *
 * @param invoice The stored invoice.
 *
 * @returns `{id, organization_id, subscription_id, plan_id, amount, currency, total, status, description, period_start, period_end, created_at}`.
 *
 * @example
 * ```ts
 * c.json(invoiceWire(invoice));
 * ```
 *
 * @internal
 */
export function invoiceWire(invoice: InvoiceRecord): Record<string, unknown> {
  return {
    id: invoice.id,
    organization_id: invoice.organizationId,
    subscription_id: invoice.subscriptionId,
    plan_id: invoice.planId,
    amount: invoice.amount,
    currency: invoice.currency,
    total: formatMoney(invoice.amount, invoice.currency),
    status: invoice.status,
    description: invoice.description,
    period_start: iso(invoice.periodStart),
    period_end: iso(invoice.periodEnd),
    created_at: iso(invoice.createdAt),
  };
}
