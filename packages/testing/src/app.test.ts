import { describe, expect, test } from 'vitest';
import { openApiDocument } from './openapi';
import { expectError, useServer } from './test-support/harness';
import type { ErrorBody } from './test-support/wire-types';

const api = useServer();

describe('every response', () => {
  test('unknown routes and methods are 404 not_found in the error envelope', async () => {
    expect(expectError(await api.call('GET', '/v2/everything'), 404, 'not_found').message).toBe(
      'No route for GET /v2/everything.',
    );
    expectError(await api.call('PUT', '/v1/organizations', { body: {} }), 404, 'not_found');
    expectError(await api.call('DELETE', '/v1/billing/plans'), 404, 'not_found');
  });

  test('carries a unique X-Request-Id', async () => {
    const responses = await Promise.all([
      api.call('GET', '/v1/billing/plans'),
      api.call('GET', '/nowhere'),
      api.call('POST', '/v1/auth/login', { raw: '{' }),
    ]);
    const ids = responses.map((response) => response.headers.get('x-request-id'));
    expect(ids.every((id) => /^req_[0-9a-z]{20}$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  test('records what was sent: method, path, query, lower-case headers and the parsed body', async () => {
    api.server.clearRequests();
    await api.call('POST', '/v1/auth/login?trace=1', {
      body: { email: 'a@b.test', password: 'x' },
      headers: { 'X-Puguh-Client': 'test/1', 'Idempotency-Key': 'abc' },
    });
    await api.call('POST', '/v1/auth/login', { raw: 'not json' });
    const [first, second] = api.server.requests;
    expect(first).toEqual({
      requestId: expect.stringMatching(/^req_/),
      method: 'POST',
      path: '/v1/auth/login',
      query: { trace: '1' },
      headers: expect.objectContaining({
        'x-puguh-client': 'test/1',
        'idempotency-key': 'abc',
        'content-type': 'application/json',
      }),
      body: { email: 'a@b.test', password: 'x' },
    });
    expect(second?.body).toBe('not json');
    api.server.clearRequests();
    expect(api.server.requests).toEqual([]);
  });
});

describe('bad input never causes a 500 or a hang', () => {
  const bodies = [
    '{',
    '[]',
    'null',
    '"text"',
    '42',
    '{"email":null,"password":{},"name":[],"slug":1,"role":true}',
    `{"name":"${'x'.repeat(20_000)}"}`,
  ];
  const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
  );

  test('every route answers every malformed body with a 4xx error envelope', {
    timeout: 120_000,
  }, async () => {
    const { token: userToken, user } = await api.signUp('fuzz');
    const organization = await api.createOrganization(userToken);
    const application = await api.call<{ id: string }>(
      'POST',
      `/v1/organizations/${organization.id}/applications`,
      {
        token: userToken,
        body: { name: 'Fuzz', slug: 'fuzz' },
      },
    );
    const real: Record<string, string> = {
      org_id: organization.id,
      app_id: application.body.id,
      user_id: user.user_id,
      plan_id: 'plan_pro',
    };
    // Bogus ids everywhere, and real ids (so bodies reach validation) on every route but DELETE.
    const routes = [
      ...operations.map(({ method, path }) => ({ method, path: path.replace(/\{[a-z_]+\}/g, 'x%2F..%00') })),
      ...operations
        .filter(({ method }) => method !== 'DELETE')
        .map(({ method, path }) => ({
          method,
          path: path.replace(/\{([a-z_]+)\}/g, (_, name: string) => real[name]!),
        })),
    ];
    const credentials = [undefined, api.server.apiKey, userToken, 'eyJhbGciOiJub25lIn0.e30.', 'pk_live_fake'];
    for (const route of routes) {
      for (const raw of bodies) {
        for (const token of credentials) {
          // GET cannot carry a body: junk goes into the query instead (short: Node refuses URLs over 16 kB).
          const response =
            route.method === 'GET'
              ? await api.call(
                  'GET',
                  `${route.path}?limit=${encodeURIComponent(raw.slice(0, 200))}&cursor=${encodeURIComponent(raw.slice(0, 200))}`,
                  {
                    ...(token === undefined ? {} : { token }),
                  },
                )
              : await api.call(route.method, route.path, { raw, ...(token === undefined ? {} : { token }) });
          if (response.status < 400) continue; // e.g. public GETs ignore bodies
          expect(response.status, `${route.method} ${route.path} ${raw.slice(0, 20)}`).toBeLessThan(500);
          expect(
            typeof (response.body as ErrorBody | undefined)?.error?.code,
            `${route.method} ${route.path} ${response.status} ${response.text.slice(0, 80)}`,
          ).toBe('string');
        }
      }
    }
  });
});

describe('load', () => {
  test('1,000 concurrent loopback requests all succeed', { timeout: 60_000 }, async () => {
    const { token } = await api.signUp('load');
    const organization = await api.createOrganization(token);
    const paths = [
      '/v1/billing/plans',
      `/v1/organizations/${organization.id}`,
      '/.well-known/jwks.json',
      '/v1/organizations',
    ];
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        fetch(`${api.url}${paths[index % paths.length]}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then(async (response) => ({
          status: response.status,
          length: (await response.text()).length,
        })),
      ),
    );
    expect(responses.filter((response) => response.status !== 200)).toEqual([]);
    expect(responses.every((response) => response.length > 0)).toBe(true);
  });
});
