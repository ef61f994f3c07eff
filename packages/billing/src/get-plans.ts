import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { type Plan, PlanListSchema } from './schemas/plan';

/**
 * Lists the plans a customer can subscribe to. A public endpoint: a core with no credential
 * works, which is what a pricing page in the browser should use.
 *
 * Exported from `@puguh/billing`; `client.billing.getPlans()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns Every plan, in display order.
 *
 * @throws {@link RateLimitError} on 429, {@link NetworkError} when the API is unreachable,
 *   {@link PuguhError} for other failures.
 *
 * @example
 * ```ts
 * import { createPuguhCore } from '@puguh/core';
 * import { getPlans } from '@puguh/billing';
 *
 * const core = createPuguhCore({ baseUrl: 'https://api-puguh.arsaka.io' });
 * for (const plan of await getPlans(core)) console.log(`${plan.name}: ${plan.price}/mo`);
 * ```
 *
 * @public
 */
export async function getPlans(core: PuguhCore, options?: RequestOptions): Promise<Plan[]> {
  return sendRequest(
    core,
    { method: 'GET', path: 'v1/billing/plans', schema: PlanListSchema, authenticate: false },
    options,
  );
}
