import { PuguhClient, RateLimitError } from '@puguh/sdk';

// Once per call that got an answer, on every call of this client (and its withContext clients).
const client = new PuguhClient({
  onResponse: ({ method, path, status, requestId, rateLimit, attempts, durationMs }) => {
    console.log(`${method} ${path} → ${status} ${requestId} in ${durationMs} ms (${attempts} attempt(s))`);
    if (rateLimit.remaining !== undefined && rateLimit.remaining < 10) {
      console.warn(`PUGUH quota low: ${rateLimit.remaining} left, resets in ${rateLimit.resetSeconds} s`);
    }
  },
});

// For one call: runs after the client's hook. Return types stay the same.
const plans = await client.billing.getPlans({
  onResponse: (info) => console.log(info.headers['x-request-id']),
});
console.log(plans.length);

try {
  await client.organizations.list();
} catch (error) {
  // Errors carry the same facts: attempts made, and the quota the last answer reported.
  if (error instanceof RateLimitError) console.log(error.attempts, error.rateLimit?.resetSeconds);
}
