import { openApiDocument, totp } from '@puguh/testing';
import { useLocalApi } from '@puguh-internal/test-support';
import { expect, test } from 'vitest';
import { PuguhClient } from './puguh-client';

// DESIGN §5: the SDK and the local server both conform to the OpenAPI document. The server's side
// (every route is documented and vice versa) is tested in @puguh/testing; this is the SDK's side:
// every request any facade method sends is an operation of the document.

const api = useLocalApi();

/** Each documented operation as a matcher: `GET /v1/organizations/{org_id}` → a regex for the path. */
const operations = Object.entries(openApiDocument.paths).flatMap(([template, item]) =>
  ['get', 'post', 'put', 'patch', 'delete']
    .filter((method) => method in item)
    .map((method) => ({
      name: `${method.toUpperCase()} ${template}`,
      method: method.toUpperCase(),
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    })),
);

test('every request the facade sends is an operation of the OpenAPI document', async () => {
  const service = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey, maxRetries: 0 });
  const anonymous = new PuguhClient({ baseUrl: api.url, apiKey: null });
  const email = `coverage-${Date.now()}@example.test`;
  const password = 'correct horse battery';
  const called = new Set<string>();
  const track =
    <A extends unknown[], R>(name: string, method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      called.add(name);
      return method(...args);
    };

  // auth
  await track('auth.register', anonymous.auth.register)({ email, password, fullName: 'Cover Age' });
  const tokens = await track('auth.login', anonymous.auth.login)({ email, password });
  const user = new PuguhClient({ baseUrl: api.url, accessToken: tokens.accessToken });
  await track('auth.validateToken', anonymous.auth.validateToken)({ token: tokens.accessToken });
  await track('auth.verifyAccessToken', anonymous.auth.verifyAccessToken)(tokens.accessToken);
  await track('auth.refreshToken', anonymous.auth.refreshToken)({ refreshToken: tokens.refreshToken });
  await track('auth.requestMagicLink', anonymous.auth.requestMagicLink)({ email });
  await track(
    'auth.verifyMagicLink',
    anonymous.auth.verifyMagicLink,
  )({ token: api.server.outbox.last(email)?.token ?? '' });
  const setup = await track('auth.setupMfa', user.auth.setupMfa)();
  await track('auth.confirmMfa', user.auth.confirmMfa)({ code: await totp(setup.secret) });
  await track('auth.disableMfa', user.auth.disableMfa)();

  // organizations
  const org = await track(
    'organizations.create',
    user.organizations.create,
  )({ name: 'Coverage', slug: `cov-${Date.now()}` });
  await track('organizations.list', user.organizations.list)();
  await track('organizations.get', user.organizations.get)({ orgId: org.id });
  await track('organizations.update', user.organizations.update)({ orgId: org.id, name: 'Coverage Inc' });
  const colleague = await api.signUp('Colleague');
  await track(
    'organizations.inviteMember',
    user.organizations.inviteMember,
  )({ orgId: org.id, email: colleague.email, role: 'member' });
  await track('organizations.listMembers', user.organizations.listMembers)({ orgId: org.id });
  await track(
    'organizations.updateMemberRole',
    user.organizations.updateMemberRole,
  )({ orgId: org.id, userId: colleague.user.userId, role: 'admin' });

  // applications
  const app = await track(
    'applications.create',
    user.applications.create,
  )({ orgId: org.id, name: 'App', slug: 'app' });
  await track('applications.list', user.applications.list)({ orgId: org.id });
  await track('applications.get', user.applications.get)({ appId: app.id });
  await track('applications.update', user.applications.update)({ appId: app.id, name: 'App 2' });
  await track(
    'applications.addMember',
    user.applications.addMember,
  )({ appId: app.id, userId: colleague.user.userId, role: 'member' });
  await track('applications.listMembers', user.applications.listMembers)({ appId: app.id });
  await track('applications.delete', user.applications.delete)({ appId: app.id });

  // billing
  await track('billing.getPlans', anonymous.billing.getPlans)();
  await track('billing.getPlan', anonymous.billing.getPlan)({ planId: 'plan_pro' });
  await track('billing.getSubscription', service.billing.getSubscription)({ orgId: org.id });
  await track(
    'billing.createSubscription',
    service.billing.createSubscription,
  )({ orgId: org.id, planId: 'plan_pro' });
  await track('billing.upgrade', service.billing.upgrade)({ orgId: org.id, planId: 'plan_business' });
  await track('billing.cancel', service.billing.cancel)({ orgId: org.id });
  await track('billing.getInvoices', service.billing.getInvoices)({ orgId: org.id });
  await track('billing.getUsage', service.billing.getUsage)({ orgId: org.id });

  await track(
    'organizations.removeMember',
    user.organizations.removeMember,
  )({ orgId: org.id, userId: colleague.user.userId });
  await track('organizations.delete', user.organizations.delete)({ orgId: org.id });

  // Every facade method was exercised…
  const facade = Object.entries({ ...service })
    .filter(([, namespace]) => typeof namespace === 'object')
    .flatMap(([namespace, members]) =>
      Object.keys(members as object).map((member) => `${namespace}.${member}`),
    );
  expect([...called].sort()).toEqual(facade.sort());
  // …and each request it sent is a documented operation.
  const undocumented = api.server.requests
    .map((request) => `${request.method} ${request.path}`)
    .filter(
      (sent) =>
        !operations.some(
          (operation) =>
            sent.startsWith(`${operation.method} `) &&
            operation.pattern.test(sent.slice(operation.method.length + 1)),
        ),
    );
  expect(undocumented).toEqual([]);
  expect(api.server.requests.length).toBeGreaterThanOrEqual(facade.length);
});
