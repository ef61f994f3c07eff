import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, test } from 'vitest';
import { type OpenApiOperation, type OpenApiResponse, openApiDocument } from './openapi';
import { createPuguhServer } from './server';
import { type ApiResponse, type CallOptions, unique, useServer } from './test-support/harness';
import type {
  Application,
  Invitation,
  MfaSetup,
  Organization,
  TokenSet,
  User,
} from './test-support/wire-types';
import { totp } from './totp';

const DOCUMENT_ID = 'https://puguh.test/openapi.json';
const METHODS = ['get', 'post', 'patch', 'delete'] as const;

const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', {
  type: 'string',
  validate: (value: string) =>
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
});
ajv.addFormat('email', {
  type: 'string',
  validate: (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
});
// The document's top-level OpenAPI fields are not JSON Schema keywords; only the schemas inside are compiled.
ajv.addVocabulary(['openapi', 'info', 'servers', 'tags', 'paths', 'components']);
ajv.addSchema(openApiDocument as object, DOCUMENT_ID);

const pointer = (...segments: string[]): string =>
  segments.map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function resolveResponse(response: OpenApiResponse): { response: OpenApiResponse; at: string } | undefined {
  if (response.$ref === undefined) return undefined;
  const name = response.$ref.replace('#/components/responses/', '');
  const resolved = openApiDocument.components.responses[name];
  return resolved === undefined
    ? undefined
    : { response: resolved, at: pointer('components', 'responses', name) };
}

function findOperation(
  method: string,
  path: string,
): { template: string; operation: OpenApiOperation } | undefined {
  for (const [template, item] of Object.entries(openApiDocument.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[a-z_]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase() as (typeof METHODS)[number]];
    if (operation !== undefined && pattern.test(path)) return { template, operation };
  }
  return undefined;
}

/** Checks one exchange against the document: status documented, headers present, body valid. */
function checkAgainstDocument(method: string, path: string, response: ApiResponse<unknown>): string {
  const found = findOperation(method, path);
  expect(found, `${method} ${path} is documented`).toBeDefined();
  const { template, operation } = found!;
  const status = String(response.status);
  const declared = operation.responses[status];
  expect(declared, `${method} ${template} documents ${status}`).toBeDefined();
  const { response: documented, at } = resolveResponse(declared!) ?? {
    response: declared!,
    at: pointer('paths', template, method.toLowerCase(), 'responses', status),
  };
  for (const header of ['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']) {
    expect(documented.headers?.[header], `${template} ${status} documents ${header}`).toBeDefined();
    expect(response.headers.has(header), `${method} ${path} ${status} sends ${header}`).toBe(true);
  }
  if (response.status === 429) expect(response.headers.has('Retry-After')).toBe(true);
  if (documented.content === undefined) {
    expect(response.text, `${method} ${path} ${status} has no body`).toBe('');
  } else {
    const validate =
      ajv.getSchema(`${DOCUMENT_ID}#/${at}/content/application~1json/schema`) ??
      ajv.compile({
        $ref: `${DOCUMENT_ID}#/${at}/content/application~1json/schema`,
      });
    const valid = validate(response.body);
    expect(
      valid,
      `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${response.text.slice(0, 300)}`,
    ).toBe(true);
  }
  return `${method.toUpperCase()} ${template} ${status}`;
}

describe('routes ↔ document', () => {
  test('every route the app serves is documented, and every documented operation is served', () => {
    const { app } = createPuguhServer();
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:([a-z_]+)/g, '{$1}')}`);
    const documented = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map(
        (method) => `${method.toUpperCase()} ${path}`,
      ),
    );
    expect([...served].sort()).toEqual([...documented].sort());
    expect(new Set(served).size).toBe(served.length);
  });

  test('the document is consistent: unique operation ids, declared path parameters, resolvable references', () => {
    const ids = new Set<string>();
    const references: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          if (key === '$ref' && typeof item === 'string') references.push(item);
          else collect(item);
        }
      }
    };
    collect(openApiDocument);
    for (const reference of references) {
      const target = reference
        .slice(2)
        .split('/')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          openApiDocument,
        );
      expect(target, reference).toBeDefined();
    }
    for (const [path, item] of Object.entries(openApiDocument.paths)) {
      const inPath = [...path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1]);
      for (const method of METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        expect(ids.has(operation.operationId), operation.operationId).toBe(false);
        ids.add(operation.operationId);
        const declared = operation.parameters
          .map((parameter) => parameter.$ref?.replace('#/components/parameters/', ''))
          .filter((name) => openApiDocument.components.parameters[name ?? '']?.in === 'path');
        expect(declared, `${method} ${path}`).toEqual(inPath);
        if (method === 'post' || method === 'patch') {
          expect(operation.parameters).toContainEqual({ $ref: '#/components/parameters/Idempotency-Key' });
        }
      }
    }
    expect(openApiDocument.openapi).toBe('3.1.0');
  });

  test('every schema compiles in strict mode', () => {
    for (const name of Object.keys(openApiDocument.components.schemas)) {
      expect(() => ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${name}` }), name).not.toThrow();
    }
  });
});

describe('a full walkthrough validates against the document', () => {
  let clock = Date.now();
  const api = useServer({ now: () => clock });
  const seen = new Set<string>();

  async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const response = await api.call<T>(method, path, options);
    seen.add(checkAgainstDocument(method, path.split('?')[0]!, response));
    return response;
  }

  test('every operation, its success and its errors', { timeout: 60_000 }, async () => {
    const key = api.server.apiKey;
    await call('GET', '/openapi.json');
    await call('GET', '/.well-known/jwks.json');

    // Accounts.
    const email = `${unique('walk')}@example.test`;
    const password = 'walkthrough-password';
    const user = (
      await call<User>('POST', '/v1/auth/register', { body: { email, password, full_name: 'Walk Through' } })
    ).body;
    await call('POST', '/v1/auth/register', { body: { email, password, full_name: 'Again' } });
    await call('POST', '/v1/auth/register', { body: { email: 'bad' } });
    await call('POST', '/v1/auth/register', { raw: '{' });
    await call('POST', '/v1/auth/login', { body: { email, password: 'wrong-password' } });
    let tokens = (await call<TokenSet>('POST', '/v1/auth/login', { body: { email, password } })).body;
    const spent = tokens.refresh_token;
    tokens = (await call<TokenSet>('POST', '/v1/auth/refresh', { body: { refresh_token: spent } })).body;
    await call('POST', '/v1/auth/refresh', { body: { refresh_token: spent } });
    tokens = (await call<TokenSet>('POST', '/v1/auth/login', { body: { email, password } })).body;
    const token = tokens.access_token;
    await call('POST', '/v1/auth/validate', { body: { token } });
    await call('POST', '/v1/auth/validate', { body: { token: 'nope' } });
    await call('POST', '/v1/auth/magic-link', { body: { email } });
    const magic = api.server.outbox.last(email)!.token;
    await call('POST', '/v1/auth/magic-link/verify', { body: { token: magic } });
    await call('POST', '/v1/auth/magic-link/verify', { body: { token: magic } });

    // MFA.
    await call('POST', '/v1/auth/mfa/setup', { token: key });
    await call('POST', '/v1/auth/mfa/confirm', { token, body: { code: '123456' } });
    let setup = (await call<MfaSetup>('POST', '/v1/auth/mfa/setup', { token })).body;
    await call('POST', '/v1/auth/mfa/confirm', { token, body: { code: await totp(setup.secret, clock) } });
    await call('POST', '/v1/auth/login', { body: { email, password } });
    await call('POST', '/v1/auth/login', {
      body: { email, password, mfa_code: await totp(setup.secret, clock) },
    });
    await call('POST', '/v1/auth/mfa/disable', { token, body: { code: 'wrong' } });
    await call('POST', '/v1/auth/mfa/disable', { token, body: { code: await totp(setup.secret, clock) } });
    await call('POST', '/v1/auth/mfa/disable', { token });
    setup = (await call<MfaSetup>('POST', '/v1/auth/mfa/setup', { token })).body;
    expect(setup.secret).toBeTruthy();

    // Organizations and members.
    await call('GET', '/v1/organizations');
    const slug = unique('walk');
    const organization = (
      await call<Organization>('POST', '/v1/organizations', { token, body: { name: 'Walk', slug } })
    ).body;
    await call('POST', '/v1/organizations', { token, body: { name: 'Walk', slug } });
    await call('GET', '/v1/organizations?limit=1', { token });
    await call('GET', '/v1/organizations?cursor=bad', { token });
    const base = `/v1/organizations/${organization.id}`;
    await call('GET', base, { token });
    await call('PATCH', base, { token, body: { name: 'Walked' } });
    await call('GET', `${base}/members`, { token });
    const colleague = await api.signUp('colleague');
    await call<Invitation>('POST', `${base}/invitations`, {
      token,
      body: { email: colleague.email, role: 'member' },
    });
    await call<Invitation>('POST', `${base}/invitations`, {
      token,
      body: { email: `${unique('later')}@example.test`, role: 'admin' },
    });
    await call('POST', `${base}/invitations`, { token, body: { email: colleague.email, role: 'member' } });
    await call('PATCH', base, { token: colleague.tokens.access_token, body: { name: 'Nope' } });
    await call('GET', base, { token: (await api.signUp('stranger')).token });
    await call('PATCH', `${base}/members/${colleague.user.user_id}`, { token, body: { role: 'admin' } });
    await call('PATCH', `${base}/members/${user.user_id}`, { token, body: { role: 'member' } });
    await call('PATCH', `${base}/members/usr_nobody`, { token, body: { role: 'member' } });

    // Applications.
    const application = (
      await call<Application>('POST', `${base}/applications`, { token, body: { name: 'App', slug: 'app' } })
    ).body;
    await call('GET', `${base}/applications`, { token });
    await call('GET', `/v1/applications/${application.id}`, { token });
    await call('GET', '/v1/applications/app_missing', { token });
    await call('PATCH', `/v1/applications/${application.id}`, { token, body: { slug: 'app-2' } });
    await call('POST', `/v1/applications/${application.id}/members`, {
      token,
      body: { user_id: colleague.user.user_id, role: 'member' },
    });
    await call('POST', `/v1/applications/${application.id}/members`, {
      token,
      body: { user_id: 'usr_outsider', role: 'member' },
    });
    await call('GET', `/v1/applications/${application.id}/members`, { token });
    await call('DELETE', `${base}/members/${colleague.user.user_id}`, { token });
    await call('DELETE', `/v1/applications/${application.id}`, { token });

    // Billing.
    await call('GET', '/v1/billing/plans');
    await call('GET', '/v1/billing/plans/plan_pro');
    await call('GET', '/v1/billing/plans/plan_gold');
    await call('GET', `${base}/subscription`, { token });
    await call('POST', `${base}/subscription/cancel`, { token });
    await call('POST', `${base}/subscription`, { token, body: { plan_id: 'plan_pro' } });
    await call('POST', `${base}/subscription`, { token, body: { plan_id: 'plan_pro' } });
    await call('GET', `${base}/subscription`, { token });
    clock += 7 * 24 * 60 * 60 * 1000;
    await call('POST', `${base}/subscription/upgrade`, { token: key, body: { plan_id: 'plan_business' } });
    await call('POST', `${base}/subscription/upgrade`, { token: key, body: { plan_id: 'plan_business' } });
    await call('POST', `${base}/subscription/cancel`, { token: key });
    await call('GET', `${base}/invoices`, { token: key });
    await call('GET', `${base}/usage`, { token: key });

    // Idempotency.
    const headers = { 'idempotency-key': 'walk-key' };
    await call('POST', '/v1/organizations', {
      token: key,
      body: { name: 'I', slug: unique('idem') },
      headers,
    });
    await call('POST', '/v1/organizations', {
      token: key,
      body: { name: 'I', slug: unique('other') },
      headers,
    });

    await call('DELETE', base, { token: key });
    await call('GET', '/v1/organizations');

    // Every operation was exercised with its success status.
    for (const [template, item] of Object.entries(openApiDocument.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        const success = Object.keys(operation.responses).find((status) => status.startsWith('2'));
        expect(seen, `${method.toUpperCase()} ${template} ${success}`).toContain(
          `${method.toUpperCase()} ${template} ${success}`,
        );
      }
    }
    const errorStatuses = new Set(
      [...seen].map((entry) => entry.split(' ')[2]).filter((status) => Number(status) >= 400),
    );
    expect([...errorStatuses].sort()).toEqual(['400', '401', '403', '404', '409', '422']);
  });

  test('429 answers are documented and valid', async () => {
    const limited = createPuguhServer({ rateLimit: { limit: 1, windowMs: 60_000 } });
    const { url, close } = await limited.listen();
    try {
      await fetch(`${url}/v1/billing/plans`);
      const response = await fetch(`${url}/v1/billing/plans`);
      const text = await response.text();
      checkAgainstDocument('GET', '/v1/billing/plans', {
        status: response.status,
        headers: response.headers,
        text,
        body: JSON.parse(text),
      });
      expect(response.status).toBe(429);
    } finally {
      await close();
    }
  });

  test('the served document is the exported one', async () => {
    const response = await api.call('GET', '/openapi.json');
    expect(response.body).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });
});
