import type { Organization, PuguhClient, PuguhLogger, ResponseHook } from '@puguh/sdk';
import { Hono } from 'hono';
import { readBearerToken } from './bearer-token';
import { errorBody, respondToError } from './error-response';
import type { ServiceEnv } from './service-env';
import { createUserClient } from './user-client';

/**
 * Options of {@link createApp}.
 *
 * @example
 * ```ts
 * const options: AppOptions = { logger: console };
 * ```
 */
export interface AppOptions {
  /** Debug logger for the per-request user clients (the service client has its own). */
  readonly logger?: PuguhLogger | undefined;
  /** `onResponse` for the per-request user clients (the service client has its own). */
  readonly onResponse?: ResponseHook | undefined;
}

/**
 * The HTTP service: every route uses `client`, the one `PuguhClient` created at start-up (the
 * TypeScript form of the Python docs' "Reuse Client Instances"). The app opens no port, so tests
 * call it directly or serve it anywhere.
 *
 * Routes: `GET /plans`, `GET /me/organizations` (with the caller's bearer token),
 * `GET /tenants/:orgId/usage`, `GET /tenants/:orgId/subscription`, `GET /healthz`. Errors are
 * mapped in one place, {@link respondToError}.
 *
 * @param client The service client (API key); shared by all requests and never mutated.
 * @param options Debug logging for the per-request user clients.
 *
 * @returns The hono app.
 *
 * @example
 * ```ts
 * import { serve } from '@hono/node-server';
 * import { PuguhClient } from '@puguh/sdk';
 *
 * const client = new PuguhClient(); // PUGUH_BASE_URL, PUGUH_API_KEY
 * serve({ fetch: createApp(client).fetch, port: 3000, hostname: '127.0.0.1' });
 * ```
 */
export function createApp(client: PuguhClient, options: AppOptions = {}): Hono<ServiceEnv> {
  const app = new Hono<ServiceEnv>();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  // Public data, but fetched with the service key: it is the service that calls PUGUH here.
  app.get('/plans', async (c) => c.json(await client.billing.getPlans({ signal: c.req.raw.signal })));

  // The caller's organizations, as the caller: their token goes to PUGUH, never the service key.
  app.get('/me/organizations', async (c) => {
    const accessToken = readBearerToken(c.req.header('authorization'));
    if (accessToken === undefined) {
      return c.json(errorBody('unauthorized', 'Send Authorization: Bearer <access token>'), 401, {
        'WWW-Authenticate': 'Bearer',
      });
    }
    c.set('forwardsCallerToken', true);
    // `await using` is Python's `async with`: the user client is closed when the block ends.
    await using user = createUserClient(client, accessToken, options);
    const organizations: Organization[] = [];
    for await (const organization of user.organizations.list({}, { signal: c.req.raw.signal })) {
      organizations.push(organization);
    }
    return c.json(organizations);
  });

  // Per-tenant routes derive a client with its own organization context. `setOrganizationContext`
  // would mutate the shared client, and two tenants' requests in flight at once would race.
  app.get('/tenants/:orgId/usage', async (c) => {
    const tenant = client.withContext({ organizationId: c.req.param('orgId') });
    return c.json(await tenant.billing.getUsage({}, { signal: c.req.raw.signal }));
  });

  app.get('/tenants/:orgId/subscription', async (c) => {
    const tenant = client.withContext({ organizationId: c.req.param('orgId') });
    return c.json(await tenant.billing.getSubscription({}, { signal: c.req.raw.signal }));
  });

  app.notFound((c) => c.json(errorBody('not_found', 'No such route'), 404));
  app.onError(respondToError);
  return app;
}
