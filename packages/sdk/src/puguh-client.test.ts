import { inspect } from 'node:util';
import { createPuguhCore, isPuguhCoreClosed, PuguhError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PuguhClient } from './puguh-client';

const api = useLocalApi();
afterEach(() => {
  vi.unstubAllEnvs();
  api.server.faults.clear();
});

describe('PuguhClient', () => {
  test('new PuguhClient() with PUGUH_BASE_URL and PUGUH_API_KEY set just works', async () => {
    vi.stubEnv('PUGUH_BASE_URL', api.url);
    vi.stubEnv('PUGUH_API_KEY', api.server.apiKey);
    const client = new PuguhClient();
    api.server.clearRequests();
    const plans = await client.billing.getPlans();
    expect(plans.map((plan) => plan.id)).toContain('plan_pro');
    await client.organizations.list();
    // getPlans is public and sends no credential; the organization list sends the key from the env.
    expect(api.server.requests[0]?.headers.authorization).toBeUndefined();
    expect(api.server.requests[1]?.headers.authorization).toBe(`Bearer ${api.server.apiKey}`);
    await client.close();
  });

  test('a misspelt option is named with the one meant, not ignored', () => {
    expect(() => new PuguhClient({ baseUrl: api.url, apikey: api.server.apiKey } as never)).toThrow(
      'options: unknown option "apikey" — did you mean "apiKey"?',
    );
  });

  test('each namespace member is its standalone function bound to the client core', async () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    const org = await client.organizations.create({ name: 'Bound Inc', slug: `bound-${Date.now()}` });
    const app = await client.applications.create({ orgId: org.id, name: 'App', slug: 'app' });
    expect(await client.applications.get({ appId: app.id })).toEqual(app);
    expect(await client.billing.getSubscription({ orgId: org.id })).toBeNull();
    const user = await client.auth.register({
      email: `bound${Date.now()}@example.test`,
      password: 'long password 1',
      fullName: 'B',
    });
    expect(user.userId).toMatch(/^usr_/);
  });

  test('the context methods drive the ids, and clearContext removes them', async () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    const org = await client.organizations.create({ name: 'Context Inc', slug: `ctx-${Date.now()}` });
    client.setOrganizationContext(org.id);
    expect((await client.organizations.get()).id).toBe(org.id);
    const app = await client.applications.create({ name: 'Ctx App', slug: 'ctx-app' });
    client.setApplicationContext(app.id);
    expect((await client.applications.get()).id).toBe(app.id);
    client.clearContext();
    expect(() => client.organizations.listMembers()).toThrow(TypeError);
  });

  test('withContext clients for two organizations used at once send only their own header', async () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    const first = await client.organizations.create({ name: 'Tenant A', slug: `tenant-a-${Date.now()}` });
    const second = await client.organizations.create({ name: 'Tenant B', slug: `tenant-b-${Date.now()}` });
    const tenantA = client.withContext({ organizationId: first.id });
    const tenantB = client.withContext({ organizationId: second.id });
    api.server.clearRequests();
    const usages = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? tenantB : tenantA).billing.getUsage()),
    );
    expect(usages.map((usage) => usage.organizationId)).toEqual(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? second.id : first.id)),
    );
    for (const request of api.server.requests) {
      const orgInPath = request.path.split('/')[3];
      expect(request.headers['x-puguh-organization-id']).toBe(orgInPath);
    }
    expect(tenantA.core).not.toBe(client.core);
  });

  test('close() aborts in-flight calls; later calls reject with client_closed', async () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    api.server.faults.inject({ path: '/v1/billing/plans', delayMs: 2_000 });
    const pending = client.billing.getPlans().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.close();
    expect(await pending).toMatchObject({ code: 'client_closed' });
    const later = await client.billing.getPlans().catch((error: unknown) => error);
    expect(later).toBeInstanceOf(PuguhError);
    expect(later).toMatchObject({ code: 'client_closed' });
    expect(isPuguhCoreClosed(client.core)).toBe(true);
  });

  test('await using closes the client at the end of the block', async () => {
    let kept: PuguhClient | undefined;
    {
      await using client = new PuguhClient({ baseUrl: api.url });
      kept = client;
      await client.billing.getPlans();
    }
    expect(isPuguhCoreClosed(kept.core)).toBe(true);
  });

  test('closing the client closes its derived clients', async () => {
    const client = new PuguhClient({ baseUrl: api.url });
    const derived = client.withContext({ organizationId: 'org_x' });
    await client.close();
    await expect(derived.billing.getPlans()).rejects.toMatchObject({ code: 'client_closed' });
  });

  test('fromCore wraps an existing core', async () => {
    const core = createPuguhCore({ baseUrl: api.url });
    const client = PuguhClient.fromCore(core);
    expect(client.core).toBe(core);
    expect((await client.billing.getPlans()).length).toBeGreaterThan(0);
  });

  test('printing or serialising a client shows no credential', () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    const printed = `${inspect(client, { depth: Number.POSITIVE_INFINITY, showHidden: true })}${JSON.stringify(client)}`;
    expect(printed).not.toContain(api.server.apiKey);
  });

  test('invalid options throw before anything is sent', () => {
    expect(
      () => new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey, accessToken: 'a.b.c' }),
    ).toThrow(TypeError);
    expect(() => new PuguhClient({ baseUrl: api.url, timeout: -1 })).toThrow(RangeError);
  });
});
