import type { Plan } from '@puguh/billing';
import { escapeHtml } from './escape-html';

/** Short suffixes for the intervals PUGUH bills by; anything newer is shown as `/<interval>`. */
const INTERVAL_SUFFIX: Readonly<Record<string, string>> = { month: '/mo', year: '/yr' };

/**
 * The price as a pricing page shows it: the server's display string plus the interval. The
 * server formats money (`price`), so the page never does float arithmetic on `amount`.
 *
 * @param plan The plan.
 *
 * @returns For example `$29.00/mo`.
 *
 * @example
 * ```ts
 * formatPrice({ price: '$29.00', interval: 'month' }); // '$29.00/mo'
 * ```
 */
export function formatPrice(plan: Pick<Plan, 'price' | 'interval'>): string {
  return `${plan.price}${INTERVAL_SUFFIX[plan.interval] ?? `/${plan.interval}`}`;
}

/**
 * Renders the plans as HTML: one card per plan with its name, price and features. Pure (no DOM,
 * no network), so it is unit-tested in Node; every value from the API is escaped.
 *
 * @param plans The plans, in display order (as `getPlans` returns them).
 *
 * @returns An HTML string for `element.innerHTML`.
 *
 * @example
 * ```ts
 * document.querySelector('#plans')!.innerHTML = renderPlans(await getPlans(core));
 * ```
 */
export function renderPlans(plans: readonly Plan[]): string {
  if (plans.length === 0) return '<p class="notice">No plans are on offer right now.</p>';
  return `<ul class="plans">${plans.map(renderPlan).join('')}</ul>`;
}

function renderPlan(plan: Plan): string {
  const features = plan.features.map((feature) => `<li>${escapeHtml(feature)}</li>`).join('');
  return (
    `<li class="plan" data-plan-id="${escapeHtml(plan.id)}">` +
    `<h2 class="plan-name">${escapeHtml(plan.name)}</h2>` +
    `<p class="plan-price">${escapeHtml(formatPrice(plan))}</p>` +
    `<ul class="plan-features">${features}</ul>` +
    '</li>'
  );
}
