import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { clearContext, setApplicationContext, setOrganizationContext, withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import { apiPath, resolveApplicationId, resolveOrganizationId } from './resolve-ids';
import { sendRequest } from './send-request';
import { CANARY_KEY } from './test-support/canary';
import { json, useFaultServer } from './test-support/fault-server';

const server = useFaultServer();
const core = () => createPuguhCore({ baseUrl: server.url, apiKey: CANARY_KEY });
const ping = (target: ReturnType<typeof core>) =>
  sendRequest(target, { method: 'GET', path: 'v1/ping', schema: v.object({}) });
const contextHeaders = () =>
  server.hits.map((hit) => [hit.headers['x-puguh-organization-id'], hit.headers['x-puguh-application-id']]);

describe('context', () => {
  test('context headers go with every request while set, and stop after clearContext', async () => {
    const target = createPuguhCore({
      baseUrl: server.url,
      apiKey: CANARY_KEY,
      organizationId: 'org_initial',
    });
    await ping(target);
    setOrganizationContext(target, 'org_1');
    setApplicationContext(target, 'app_1');
    await ping(target);
    clearContext(target);
    await ping(target);
    expect(contextHeaders()).toEqual([
      ['org_initial', undefined],
      ['org_1', 'app_1'],
      [undefined, undefined],
    ]);
  });

  test('ids resolve from the call, else the context, else a TypeError naming the id', () => {
    const target = core();
    expect(() => resolveOrganizationId(target)).toThrow(/orgId is required.*setOrganizationContext/);
    expect(() => resolveApplicationId(target)).toThrow(/appId is required.*setApplicationContext/);
    setOrganizationContext(target, 'org_ctx');
    setApplicationContext(target, 'app_ctx');
    expect(resolveOrganizationId(target)).toBe('org_ctx');
    expect(resolveOrganizationId(target, 'org_explicit')).toBe('org_explicit');
    expect(resolveApplicationId(target)).toBe('app_ctx');
    expect(() => resolveOrganizationId(target, '')).toThrow(TypeError);
  });

  test('context setters refuse empty or non-string ids', () => {
    const target = core();
    expect(() => setOrganizationContext(target, '')).toThrow(TypeError);
    expect(() => setApplicationContext(target, 42 as unknown as string)).toThrow(TypeError);
    // @ts-expect-error A PuguhCore is branded: a look-alike object is a compile error…
    expect(() => setOrganizationContext({ baseUrl: 'x' }, 'org_1')).toThrow(/createPuguhCore/);
    // …and, in plain JavaScript, a TypeError naming the factory.
  });

  test('withContext clients serving two tenants at once each send their own organization, with no cross-talk', async () => {
    server.setDefault((response, request) => {
      // Answer slowly and out of order so the two calls truly overlap.
      const delay = request.headers['x-puguh-organization-id'] === 'org_a' ? 60 : 10;
      setTimeout(
        () => json(200, { org: request.headers['x-puguh-organization-id'] })(response, request),
        delay,
      );
    });
    const shared = core();
    const tenantA = withContext(shared, { organizationId: 'org_a' });
    const tenantB = withContext(shared, { organizationId: 'org_b', applicationId: 'app_b' });
    const Echo = v.object({ org: v.string() });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        sendRequest(index % 2 ? tenantB : tenantA, { method: 'GET', path: 'v1/echo', schema: Echo }),
      ),
    );
    expect(results.map((result) => result.org)).toEqual(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? 'org_b' : 'org_a')),
    );
    for (const hit of server.hits) {
      const expected = hit.headers['x-puguh-organization-id'] === 'org_b' ? 'app_b' : undefined;
      expect(hit.headers['x-puguh-application-id']).toBe(expected);
    }
    await ping(shared);
    expect(server.hits.at(-1)?.headers['x-puguh-organization-id']).toBeUndefined();
  });

  test('a derived core keeps a snapshot: later changes to either side do not leak into the other', () => {
    const parent = core();
    setOrganizationContext(parent, 'org_parent');
    const child = withContext(parent, { applicationId: 'app_child' });
    setOrganizationContext(parent, 'org_changed');
    expect(resolveOrganizationId(child)).toBe('org_parent');
    setOrganizationContext(child, 'org_child');
    expect(resolveOrganizationId(parent)).toBe('org_changed');
    expect(() => resolveApplicationId(parent)).toThrow(TypeError);
  });
});

describe('apiPath', () => {
  test('encodes each id into exactly one path segment', () => {
    expect(apiPath`v1/organizations/${'org 1'}/members/${'a/b?c#d%2e'}`).toBe(
      'v1/organizations/org%201/members/a%2Fb%3Fc%23d%252e',
    );
    expect(apiPath`v1/x/${'//evil.test/x'}`).toBe('v1/x/%2F%2Fevil.test%2Fx');
    expect(apiPath`v1/x/${'https://evil.test'}`).toBe('v1/x/https%3A%2F%2Fevil.test');
  });

  test.each([['..'], ['.'], [''], [null], [undefined], [{}], [42]])('refuses %j', (id) => {
    expect(() => apiPath`v1/organizations/${id}`).toThrow(TypeError);
  });

  test('an encoded id reaches the configured origin as one segment', async () => {
    await sendRequest(core(), {
      method: 'GET',
      path: apiPath`v1/organizations/${'../admin'}`,
      schema: v.object({}),
    });
    expect(server.hits[0]?.url).toBe('/v1/organizations/..%2Fadmin');
  });
});
