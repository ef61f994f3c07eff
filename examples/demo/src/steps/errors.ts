// 6. errors: each error class of the SDK, provoked for real.
import { createServer } from 'node:net';
import { AuthError, NetworkError, PuguhClient, PuguhError, RateLimitError } from '@puguh/sdk';
import { createPuguhServer } from '@puguh/testing';
import { check, expectError } from '../checks';
import type { Demo } from '../demo';
import type { Step } from '../tour';

export const ERROR_STEPS = [
  'AuthError (401)',
  'RateLimitError (429)',
  'NetworkError',
  'PuguhError (404)',
] as const;

/** Provokes every error class of the SDK and shows the fields a caller switches on. */
export async function errorSteps(
  step: Step<(typeof ERROR_STEPS)[number]>,
  { baseUrl, service }: Demo,
): Promise<void> {
  await step('AuthError (401)', async (say) => {
    await using stranger = new PuguhClient({ baseUrl, accessToken: 'not-a-real-token' });
    const error = await expectError(AuthError, () => stranger.organizations.list());
    say(`${error.statusCode} ${error.code}: ${error.message}`);
  });

  await step('RateLimitError (429)', async (say) => {
    // A second local API that allows 3 requests a minute per caller.
    const strict = createPuguhServer({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const api = await strict.listen({ port: 0, hostname: '127.0.0.1' });
    try {
      // maxRetries 0: the SDK would otherwise wait out Retry-After (up to a cap) and try again.
      await using client = new PuguhClient({ baseUrl: api.url, maxRetries: 0 });
      let calls = 0;
      const error = await expectError(RateLimitError, async () => {
        for (calls = 1; calls <= 10; calls++) await client.billing.getPlans();
      });
      say(`call ${calls} → ${error.statusCode} ${error.code}, retryAfter ${error.retryAfter} s`);
    } finally {
      await api.close();
    }
  });

  await step('NetworkError', async (say) => {
    await using client = new PuguhClient({ baseUrl: await closedLoopbackUrl(), maxRetries: 0 });
    const error = await expectError(NetworkError, () => client.billing.getPlans());
    check(error.statusCode === undefined, 'a NetworkError carries no status code');
    say(`nothing listens there: ${error.code}, statusCode ${error.statusCode}`);
  });

  await step('PuguhError (404)', async (say) => {
    const error = await expectError(PuguhError, () =>
      service.organizations.get({ orgId: 'org_does_not_exist' }),
    );
    // Every SDK error is a PuguhError; this one is none of the subclasses above.
    check(error.name === 'PuguhError', `expected a plain PuguhError, got ${error.name}`);
    say(`${error.name} ${error.statusCode} ${error.code}`);
  });
}

/** A loopback URL where nothing listens: a port the system just handed out and took back. */
async function closedLoopbackUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('the probe server has no port');
  return `http://127.0.0.1:${address.port}`;
}
