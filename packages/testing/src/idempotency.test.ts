import { describe, expect, test } from 'vitest';
import { expectError, unique, useServer } from './test-support/harness';
import type { Organization, Page } from './test-support/wire-types';

const api = useServer();

async function organizationsOf(token: string): Promise<Organization[]> {
  return (await api.call<Page<Organization>>('GET', '/v1/organizations?limit=100', { token })).body.data;
}

describe('Idempotency-Key', () => {
  test('a repeated POST replays the first response (Idempotent-Replayed: true) and applies once', async () => {
    const { token } = await api.signUp('idem');
    const body = { name: 'Once', slug: unique('once') };
    const headers = { 'idempotency-key': 'key-1' };
    const first = await api.call<Organization>('POST', '/v1/organizations', { token, body, headers });
    const second = await api.call<Organization>('POST', '/v1/organizations', { token, body, headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await organizationsOf(token)).toHaveLength(1);
  });

  test('the same key with a different body, path or method is 422 idempotency_key_reused', async () => {
    const { token } = await api.signUp('reused');
    const headers = { 'idempotency-key': 'key-2' };
    const slug = unique('first');
    await api.call('POST', '/v1/organizations', { token, body: { name: 'A', slug }, headers });
    expectError(
      await api.call('POST', '/v1/organizations', {
        token,
        body: { name: 'B', slug: unique('second') },
        headers,
      }),
      422,
      'idempotency_key_reused',
    );
    expectError(
      await api.call('POST', '/v1/auth/mfa/setup', { token, headers }),
      422,
      'idempotency_key_reused',
    );
    const [organization] = await organizationsOf(token);
    expectError(
      await api.call('PATCH', `/v1/organizations/${organization?.id}`, {
        token,
        body: { name: 'A', slug },
        headers,
      }),
      422,
      'idempotency_key_reused',
    );
  });

  test('key order inside the JSON body does not make it a different body', async () => {
    const { token } = await api.signUp('order');
    const slug = unique('ordered');
    const headers = { 'idempotency-key': 'key-3' };
    await api.call('POST', '/v1/organizations', { token, raw: JSON.stringify({ name: 'O', slug }), headers });
    const replay = await api.call('POST', '/v1/organizations', {
      token,
      raw: JSON.stringify({ slug, name: 'O' }),
      headers,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  test('keys are per caller: another user with the same key gets their own result', async () => {
    const alice = await api.signUp('alice');
    const bob = await api.signUp('bob');
    const headers = { 'idempotency-key': 'shared-key' };
    const a = await api.call<Organization>('POST', '/v1/organizations', {
      token: alice.token,
      body: { name: 'A', slug: unique('a') },
      headers,
    });
    const b = await api.call<Organization>('POST', '/v1/organizations', {
      token: bob.token,
      body: { name: 'B', slug: unique('b') },
      headers,
    });
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
  });

  test('concurrent requests with one key: the handler runs once, every caller gets its response', async () => {
    const { token } = await api.signUp('concurrent');
    const body = { name: 'Race', slug: unique('race') };
    const headers = { 'idempotency-key': 'key-race' };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.call<Organization>('POST', '/v1/organizations', { token, body, headers }),
      ),
    );
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(
      responses.filter((response) => response.headers.get('idempotent-replayed') === 'true'),
    ).toHaveLength(7);
    expect(await organizationsOf(token)).toHaveLength(1);
  });

  test('an error answer is replayed too; a 5xx (here injected) is not stored, so a retry runs the handler', async () => {
    const { token } = await api.signUp('errors');
    const taken = await api.createOrganization(token);
    const conflict = { name: 'X', slug: taken.slug };
    await api.call('POST', '/v1/organizations', {
      token,
      body: conflict,
      headers: { 'idempotency-key': 'key-409' },
    });
    const replayed = await api.call('POST', '/v1/organizations', {
      token,
      body: conflict,
      headers: { 'idempotency-key': 'key-409' },
    });
    expectError(replayed, 409, 'slug_taken');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');

    const body = { name: 'Retry', slug: unique('retry') };
    api.server.faults.inject({ method: 'POST', path: '/v1/organizations', status: 503 });
    const failed = await api.call('POST', '/v1/organizations', {
      token,
      body,
      headers: { 'idempotency-key': 'key-503' },
    });
    expect(failed.status).toBe(503);
    const retried = await api.call('POST', '/v1/organizations', {
      token,
      body,
      headers: { 'idempotency-key': 'key-503' },
    });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  test('PATCH is covered; GET and DELETE ignore the header', async () => {
    const { token } = await api.signUp('patch');
    const organization = await api.createOrganization(token);
    const headers = { 'idempotency-key': 'key-patch' };
    await api.call('PATCH', `/v1/organizations/${organization.id}`, { token, body: { name: 'P1' }, headers });
    const replay = await api.call('PATCH', `/v1/organizations/${organization.id}`, {
      token,
      body: { name: 'P1' },
      headers,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const first = await api.call('GET', `/v1/organizations/${organization.id}`, { token, headers });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  });

  test('an overlong key is 400 invalid_request', async () => {
    const response = await api.call('POST', '/v1/auth/login', {
      body: {},
      headers: { 'idempotency-key': 'k'.repeat(256) },
    });
    expect(expectError(response, 400, 'invalid_request').details?.fields).toEqual({
      'Idempotency-Key': 'must be 1 to 255 characters',
    });
  });
});
