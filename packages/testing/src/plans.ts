/**
 * A plan of the seeded catalogue.
 *
 * @example
 * ```ts
 * const pro: PlanRecord | undefined = findPlan('plan_pro');
 * ```
 *
 * @internal
 */
export interface PlanRecord {
  readonly id: string;
  readonly name: string;
  /** Minor units (cents). */
  readonly amount: number;
  readonly currency: string;
  readonly interval: 'month' | 'year';
  readonly features: readonly string[];
  readonly limits: {
    readonly apiCalls: number | null;
    readonly members: number | null;
    readonly applications: number | null;
  };
}

/**
 * The seeded plans (docs/decisions/0002-wire-contract.md): Free, Pro and Business, all monthly.
 *
 * @example
 * ```ts
 * PLANS.map((plan) => plan.id); // ['plan_free', 'plan_pro', 'plan_business']
 * ```
 *
 * @internal
 */
export const PLANS: readonly PlanRecord[] = [
  {
    id: 'plan_free',
    name: 'Free',
    amount: 0,
    currency: 'USD',
    interval: 'month',
    features: ['1 application', 'Up to 3 members', 'Community support'],
    limits: { apiCalls: 1_000, members: 3, applications: 1 },
  },
  {
    id: 'plan_pro',
    name: 'Pro',
    amount: 2900,
    currency: 'USD',
    interval: 'month',
    features: ['10 applications', 'Up to 20 members', 'Multi-factor authentication', 'Email support'],
    limits: { apiCalls: 100_000, members: 20, applications: 10 },
  },
  {
    id: 'plan_business',
    name: 'Business',
    amount: 9900,
    currency: 'USD',
    interval: 'month',
    features: ['Unlimited applications', 'Unlimited members', 'Audit log', 'Priority support'],
    limits: { apiCalls: 1_000_000, members: null, applications: null },
  },
];

/**
 * Finds a seeded plan by id.
 *
 * @param planId The plan id, e.g. `plan_pro`.
 *
 * @returns The plan, or `undefined`.
 *
 * @example
 * ```ts
 * findPlan('plan_pro')?.amount; // 2900
 * ```
 *
 * @internal
 */
export function findPlan(planId: string): PlanRecord | undefined {
  return PLANS.find((plan) => plan.id === planId);
}

/**
 * Formats an amount in minor units for display, e.g. `2900` USD → `$29.00`, `-483` → `-$4.83`.
 *
 * @param amount The amount in minor units.
 * @param currency The ISO 4217 code.
 *
 * @returns The display string.
 *
 * @example
 * ```ts
 * formatMoney(2900, 'USD'); // '$29.00'
 * ```
 *
 * @internal
 */
export function formatMoney(amount: number, currency: string): string {
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  // Integer arithmetic: money never passes through a binary fraction.
  return `${sign}${symbol}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}
