import type { Plan } from '@puguh/billing';
import { describe, expect, test } from 'vitest';
import { formatPrice, renderPlans } from '../src/render-plans';

const pro: Plan = {
  id: 'plan_pro',
  name: 'Pro',
  price: '$29.00',
  amount: 2900,
  currency: 'USD',
  interval: 'month',
  features: ['10 organizations', 'Priority support'],
  limits: { apiCalls: 100_000, members: 25, applications: 10 },
};

describe('formatPrice', () => {
  test('appends a short interval to the display price', () => {
    expect(formatPrice(pro)).toBe('$29.00/mo');
    expect(formatPrice({ price: '$290.00', interval: 'year' })).toBe('$290.00/yr');
  });

  test('shows an interval it does not know by name, as a newer API may add one', () => {
    expect(formatPrice({ price: '$5.00', interval: 'week' })).toBe('$5.00/week');
  });
});

describe('renderPlans', () => {
  test('renders one card per plan with name, price and every feature, in order', () => {
    const free: Plan = {
      ...pro,
      id: 'plan_free',
      name: 'Free',
      price: '$0.00',
      amount: 0,
      features: ['1 app'],
    };
    const html = renderPlans([free, pro]);

    expect(html.match(/<li class="plan" /g)).toHaveLength(2);
    expect(html.indexOf('Free')).toBeLessThan(html.indexOf('Pro'));
    expect(html).toContain('<li class="plan" data-plan-id="plan_pro"><h2 class="plan-name">Pro</h2>');
    expect(html).toContain('<p class="plan-price">$29.00/mo</p>');
    expect(html).toContain(
      '<ul class="plan-features"><li>10 organizations</li><li>Priority support</li></ul>',
    );
  });

  test('escapes what the API sent, so a response cannot inject markup', () => {
    const hostile: Plan = {
      ...pro,
      id: 'plan_"x',
      name: '<img src=x onerror=alert(1)>',
      features: ['<script>steal()</script>'],
    };
    const html = renderPlans([hostile]);

    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-plan-id="plan_&quot;x"');
  });

  test('says so when there is no plan, rather than showing an empty grid', () => {
    expect(renderPlans([])).toBe('<p class="notice">No plans are on offer right now.</p>');
  });
});
