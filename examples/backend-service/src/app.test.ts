// End to end over loopback: the local PUGUH API on one port, this service on another, and the
// tests calling the service with plain `fetch`, as its users would.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { isPuguhCoreClosed, type Plan, PuguhClient, type PuguhOptions, type Usage } from '@puguh/sdk';
import { createPuguhServer, type ListeningServer, type PuguhServer } from '@puguh/testing';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createApp } from './app';
import type { ErrorBody } from './error-response';
import { type HttpServer, listen } from './http-server';

let localApi: PuguhServer;
let api: ListeningServer;
const running: HttpServer[] = [];

beforeAll(async () => {
  localApi = createPuguhServer();
  api = await localApi.listen({ port: 0, hostname: '127.0.0.1' });
});
afterAll(() => api.close());
afterEach(async () => {
  localApi.faults.clear();
  await Promise.all(running.splice(0).map((server) => server.close({ graceMs: 1_000 })));
});

/** The service client, as main.ts builds it, but pointed at the local API. */
function serviceClient(options: PuguhOptions = {}): PuguhClient {
  return new PuguhClient({ baseUrl: api.url, apiKey: localApi.apiKey, ...options });
}

/** Serves `createApp(client)` on a free loopback port and returns its origin. */
async function serve(client: PuguhClient): Promise<string> {
  const server = await listen(createApp(client).fetch, { port: 0, hostname: '127.0.0.1' });
  running.push(server);
  return server.url;
}

/** Registers and logs in a new user; returns their access token. */
async function signUp(client: PuguhClient): Promise<string> {
  const email = `user-${randomUUID()}@example.test`;
  const password = 'correct horse battery staple';
  await client.auth.register({ email, password, fullName: 'Test User' });
  return (await client.auth.login({ email, password })).accessToken;
}

function requestsTo(path: string) {
  return localApi.requests.filter((request) => request.path === path);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /plans and /healthz', () => {
  test('lists the seeded plans through the service client (a public call: no key is sent)', async () => {
    const url = await serve(serviceClient());
    localApi.clearRequests();

    const response = await fetch(`${url}/plans`);

    expect(response.status).toBe(200);
    const plans = (await response.json()) as Plan[];
    expect(plans.map((plan) => [plan.id, plan.price])).toEqual([
      ['plan_free', '$0.00'],
      ['plan_pro', '$29.00'],
      ['plan_business', '$99.00'],
    ]);
    expect(requestsTo('/v1/billing/plans').map((request) => request.headers.authorization)).toEqual([
      undefined,
    ]);
  });

  test('/healthz answers without calling PUGUH', async () => {
    const url = await serve(serviceClient());
    localApi.clearRequests();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(localApi.requests).toEqual([]);
  });

  test('an unknown route is a JSON 404', async () => {
    const url = await serve(serviceClient());
    const response = await fetch(`${url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such route' } });
  });
});

describe('GET /me/organizations', () => {
  test("lists every one of the caller's organizations, across pages, using the caller's token", async () => {
    const client = serviceClient();
    const token = await signUp(client);
    const user = new PuguhClient({ baseUrl: api.url, accessToken: token });
    // 22 organizations: more than one page at the API's default page size of 20.
    const mine = await Promise.all(
      Array.from({ length: 22 }, (_, index) =>
        user.organizations.create({ name: `Mine ${index}`, slug: `mine-${index}-${randomUUID()}` }),
      ),
    );
    await client.organizations.create({ name: 'Not mine', slug: `other-${randomUUID()}` });
    const url = await serve(client);
    localApi.clearRequests();

    const response = await fetch(`${url}/me/organizations`, {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(response.status).toBe(200);
    const ids = ((await response.json()) as { id: string }[]).map((organization) => organization.id);
    expect(ids.sort()).toEqual(mine.map((organization) => organization.id).sort());
    const listCalls = requestsTo('/v1/organizations');
    expect(listCalls.length).toBe(2);
    expect(listCalls[1]?.query.cursor).toBeTruthy();
    for (const call of listCalls) expect(call.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.stringify(localApi.requests)).not.toContain(localApi.apiKey);
  });

  test('without a bearer token: 401, and nothing is sent to PUGUH (least of all the service key)', async () => {
    const url = await serve(serviceClient());
    localApi.clearRequests();

    for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer ' }]) {
      const response = await fetch(`${url}/me/organizations`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await response.json()) as ErrorBody).error.code).toBe('unauthorized');
    }
    expect(localApi.requests).toEqual([]);
  });

  test('with a garbage token: 401 from the AuthError, and the token is not echoed', async () => {
    const url = await serve(serviceClient());
    const garbage = `garbage-${randomUUID()}`;
    localApi.clearRequests();

    const response = await fetch(`${url}/me/organizations`, {
      headers: { authorization: `Bearer ${garbage}` },
    });

    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'invalid_token', message: expect.any(String) } });
    expect(text).not.toContain(garbage);
    expect(requestsTo('/v1/organizations').map((request) => request.headers.authorization)).toEqual([
      `Bearer ${garbage}`,
    ]);
  });
});

describe('GET /tenants/:orgId/…', () => {
  test('two tenants at once: each request carries its own organization context and gets its own data', async () => {
    const client = serviceClient();
    const [first, second] = await Promise.all([
      client.organizations.create({ name: 'Tenant A', slug: `a-${randomUUID()}` }),
      client.organizations.create({ name: 'Tenant B', slug: `b-${randomUUID()}` }),
    ]);
    const url = await serve(client);
    // Both PUGUH calls are held for a moment, so the two requests are certainly in flight together.
    for (const org of [first, second]) {
      localApi.faults.inject({ path: `/v1/organizations/${org.id}/usage`, delayMs: 150 });
    }
    localApi.clearRequests();

    const [usageA, usageB] = await Promise.all(
      [first.id, second.id].map(async (orgId) => {
        const response = await fetch(`${url}/tenants/${orgId}/usage`);
        expect(response.status).toBe(200);
        return (await response.json()) as Usage;
      }),
    );

    expect(usageA?.organizationId).toBe(first.id);
    expect(usageB?.organizationId).toBe(second.id);
    for (const org of [first, second]) {
      const sent = requestsTo(`/v1/organizations/${org.id}/usage`);
      expect(sent.map((request) => request.headers['x-puguh-organization-id'])).toEqual([org.id]);
    }
    // The shared client was never given a context of its own.
    expect(JSON.parse(JSON.stringify(client.core))).not.toHaveProperty('organizationId');
  });

  test("the subscription route returns the tenant's subscription, or null when it has none", async () => {
    const client = serviceClient();
    const [subscribed, unsubscribed] = await Promise.all([
      client.organizations.create({ name: 'Paying', slug: `paying-${randomUUID()}` }),
      client.organizations.create({ name: 'Free', slug: `free-${randomUUID()}` }),
    ]);
    await client.billing.createSubscription({ orgId: subscribed.id, planId: 'plan_pro' });
    const url = await serve(client);
    localApi.clearRequests();

    const paying = await fetch(`${url}/tenants/${subscribed.id}/subscription`);
    const free = await fetch(`${url}/tenants/${unsubscribed.id}/subscription`);

    expect(await paying.json()).toMatchObject({ organizationId: subscribed.id, planId: 'plan_pro' });
    expect(await free.json()).toBeNull();
    expect(requestsTo(`/v1/organizations/${subscribed.id}/subscription`)[0]?.headers).toMatchObject({
      'x-puguh-organization-id': subscribed.id,
      authorization: `Bearer ${localApi.apiKey}`,
    });
  });

  test('an unknown organization (404 from PUGUH) is a 502 carrying PUGUH’s requestId', async () => {
    const url = await serve(serviceClient());
    localApi.clearRequests();

    const response = await fetch(`${url}/tenants/org_unknown/usage`);

    expect(response.status).toBe(502);
    const [sent] = requestsTo('/v1/organizations/org_unknown/usage');
    expect(await response.json()).toEqual({
      error: { code: 'organization_not_found', message: expect.any(String), requestId: sent?.requestId },
    });
    expect(sent?.requestId).toMatch(/^req_/);
  });

  test('an empty organization id is SDK misuse: 400, and nothing is sent', async () => {
    const url = await serve(serviceClient());
    localApi.clearRequests();

    const response = await fetch(`${url}/tenants/%20/usage`);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'invalid_request', message: expect.stringContaining('organizationId') },
    });
    expect(localApi.requests).toEqual([]);
  });

  test('a rejected service key is our misconfiguration: 502, not a 401 that blames the caller', async () => {
    const revokedKey = `pk_test_revoked${randomUUID().replaceAll('-', '')}`;
    const url = await serve(serviceClient({ apiKey: revokedKey }));

    const response = await fetch(`${url}/tenants/org_any/usage`);

    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { requestId: expect.stringMatching(/^req_/) } });
    expect(text).not.toContain(revokedKey);
  });
});

describe('upstream failures', () => {
  test('a 429 from PUGUH is a 429 with the same Retry-After', async () => {
    const url = await serve(serviceClient({ maxRetries: 0 }));
    localApi.faults.inject({ path: '/v1/billing/plans', status: 429, headers: { 'retry-after': '7' } });

    const response = await fetch(`${url}/plans`);

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(((await response.json()) as ErrorBody).error.code).toBe('rate_limited');
  });

  test('a 429 without Retry-After is a 429 without one', async () => {
    const url = await serve(serviceClient({ maxRetries: 0 }));
    localApi.faults.inject({ path: '/v1/billing/plans', status: 429 });

    const response = await fetch(`${url}/plans`);

    expect(response.status).toBe(429);
    expect(response.headers.has('retry-after')).toBe(false);
  });

  test('PUGUH unreachable: 502 with a JSON error and no requestId', async () => {
    const port = await closedPort();
    const client = new PuguhClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: localApi.apiKey,
      maxRetries: 0,
    });
    const url = await serve(client);

    const response = await fetch(`${url}/plans`);

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'connection_failed', message: expect.any(String) } });
    expect(text).not.toContain(localApi.apiKey);
  });

  test('an error that is not from PUGUH is a 500 without details', async () => {
    const client = serviceClient();
    vi.spyOn(client.billing, 'getPlans').mockRejectedValueOnce(new Error('database password is hunter2'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const url = await serve(client);

    const response = await fetch(`${url}/plans`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal_error', message: 'Internal server error' },
    });
    expect(logged).toHaveBeenCalledOnce(); // the details go to the service's log instead
  });

  test('a caller who hangs up cancels the PUGUH call it was waiting for', async () => {
    const signals: AbortSignal[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      const signal = input instanceof Request ? input.signal : init?.signal;
      if (signal) signals.push(signal);
      return fetch(input, init);
    };
    const url = await serve(serviceClient({ fetch: recordingFetch }));
    localApi.faults.inject({ path: '/v1/billing/plans', delayMs: 5_000 });
    const caller = new AbortController();

    const pending = fetch(`${url}/plans`, { signal: caller.signal }).catch(() => 'hung up');
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    caller.abort();

    expect(await pending).toBe('hung up');
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
  });
});

describe('one client for the whole service', () => {
  test('many concurrent requests all go through the one client given to createApp', async () => {
    let sentThroughClient = 0;
    const countingFetch: typeof fetch = (input, init) => {
      sentThroughClient++;
      return fetch(input, init);
    };
    const client = serviceClient({ fetch: countingFetch });
    const org = await client.organizations.create({ name: 'Reuse', slug: `reuse-${randomUUID()}` });
    const url = await serve(client);
    sentThroughClient = 0;
    localApi.clearRequests();

    const paths = Array.from({ length: 20 }, (_, index) =>
      index % 2 ? '/plans' : `/tenants/${org.id}/usage`,
    );
    const statuses = await Promise.all(paths.map(async (path) => (await fetch(`${url}${path}`)).status));

    expect(statuses).toEqual(paths.map(() => 200));
    expect(sentThroughClient).toBe(20);
    // The usage calls carry the key; the plan listings are public and carry none.
    const sent = (request: { path: string; headers: Record<string, string | undefined> }) =>
      `${request.path} ${request.headers.authorization ?? 'no credential'}`;
    expect(localApi.requests.map(sent).sort()).toEqual(
      paths
        .map((path) =>
          path === '/plans'
            ? '/v1/billing/plans no credential'
            : `/v1/organizations/${org.id}/usage Bearer ${localApi.apiKey}`,
        )
        .sort(),
    );
    // Requests neither close nor replace it.
    expect(isPuguhCoreClosed(client.core)).toBe(false);
  });
});
