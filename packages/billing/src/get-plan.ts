import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireId, requireInput } from '@puguh/core/internal';
import { type Plan, PlanSchema } from './schemas/plan';

/**
 * Input of {@link getPlan}.
 *
 * @public
 */
export interface GetPlanInput {
  /** The plan id (`plan_…`). */
  readonly planId: string;
}

/**
 * Fetches one plan. A public endpoint: no credential needed.
 *
 * Exported from `@puguh/billing`; `client.billing.getPlan()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The plan to fetch.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The plan.
 *
 * @throws `TypeError` when `planId` is missing or empty. {@link PuguhError} with code
 *   `plan_not_found` (404) for an unknown plan; {@link NetworkError}, {@link RateLimitError}.
 *
 * @example
 * ```ts
 * const pro = await getPlan(core, { planId: 'plan_pro' });
 * console.log(pro.price); // $29.00
 * ```
 *
 * @public
 */
export async function getPlan(core: PuguhCore, input: GetPlanInput, options?: RequestOptions): Promise<Plan> {
  requireInput(input, 'planId');
  return sendRequest(
    core,
    {
      method: 'GET',
      path: apiPath`v1/billing/plans/${requireId('planId', input?.planId)}`,
      schema: PlanSchema,
      authenticate: false,
    },
    options,
  );
}
