import { getPlans } from '@puguh/billing';
import { createPuguhCore } from '@puguh/core';

// No credential: plans are public, and nothing secret ever ships to the browser.
const core = createPuguhCore({ baseUrl: 'https://api-puguh.arsaka.io' });

for (const plan of await getPlans(core)) {
  console.log(`${plan.name}: ${plan.price}/mo`); // Pro: $29.00/mo
}
