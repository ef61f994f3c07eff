export { type GetPlanInput, getPlan } from './get-plan';
export { getPlans } from './get-plans';
export type { BillingInterval, Plan, PlanLimits } from './schemas/plan';
