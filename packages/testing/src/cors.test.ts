import { describe, expect, test } from 'vitest';
import { useServer } from './test-support/harness';

const api = useServer();

describe('CORS', () => {
  test('a preflight is answered 204 with the allowed methods and headers, for any origin', async () => {
    const response = await fetch(`${api.url}/v1/organizations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'authorization, content-type, idempotency-key, x-puguh-organization-id',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')?.split(', ')).toEqual([
      'authorization',
      'content-type',
      'idempotency-key',
      'x-puguh-organization-id',
      'x-puguh-application-id',
      'x-puguh-client',
    ]);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  test('preflights are not recorded and do not consume injected faults', async () => {
    api.server.clearRequests();
    api.server.faults.inject({ path: '/v1/billing/plans', status: 503 });
    await fetch(`${api.url}/v1/billing/plans`, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-method': 'GET' },
    });
    expect(api.server.requests).toEqual([]);
    expect(api.server.faults.pending).toBe(1);
    expect((await fetch(`${api.url}/v1/billing/plans`)).status).toBe(503);
  });

  test('responses, errors included, allow any origin and expose the headers clients need', async () => {
    for (const path of ['/v1/billing/plans', '/v1/organizations', '/no-such-route']) {
      const response = await fetch(`${api.url}${path}`, { headers: { origin: 'http://example.test' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')?.split(', ')).toEqual([
        'x-request-id',
        'retry-after',
        'ratelimit-limit',
        'ratelimit-remaining',
        'ratelimit-reset',
        'idempotent-replayed',
      ]);
    }
  });
});
