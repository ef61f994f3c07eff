import { PuguhClient } from '@puguh/sdk';
import { createPuguhServer } from '@puguh/testing';
import { afterAll, expect, test } from 'vitest';

// The whole PUGUH API, in memory, in this process: no network, no mocks to keep in sync.
const server = createPuguhServer();
const client = new PuguhClient({ baseUrl: 'http://localhost', apiKey: server.apiKey, fetch: server.fetch });

// Or on a real loopback port, for code that makes its own HTTP calls:
const { url, close } = await server.listen({ port: 0, hostname: '127.0.0.1' });
afterAll(() => close());

test('a new organization starts without a subscription', async () => {
  const org = await client.organizations.create({ name: 'Acme', slug: 'acme' });
  expect(await client.billing.getSubscription({ orgId: org.id })).toBeNull();
});

test('plans are public', async () => {
  const plans = await new PuguhClient({ baseUrl: url }).billing.getPlans();
  expect(plans.map((plan) => plan.price)).toContain('$29.00');
});

test('a magic link arrives in the outbox', async () => {
  await client.auth.register({
    email: 'ada@example.test',
    password: 'correct horse battery',
    fullName: 'Ada',
  });
  await client.auth.requestMagicLink({ email: 'ada@example.test' });
  const message = server.outbox.last('ada@example.test');
  expect(message?.kind).toBe('magic_link');
  await expect(client.auth.verifyMagicLink({ token: message?.token ?? '' })).resolves.toHaveProperty(
    'accessToken',
  );
});
