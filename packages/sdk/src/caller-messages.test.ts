import { login } from '@puguh/auth';
import { createPuguhCore } from '@puguh/core';
import { getOrganization } from '@puguh/organizations';
import { useLocalApi } from '@puguh-internal/test-support';
import { describe, expect, test } from 'vitest';
import { PuguhClient } from './puguh-client';

// Messages name the mistake the caller made, in the form they called.
const api = useLocalApi();

describe('messages name the call the user made', () => {
  test('a non-object input says so, without echoing it', async () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    await expect(client.organizations.get(123 as never)).rejects.toThrow(
      'The input must be an object such as { orgId }, not a number',
    );
    await expect(client.organizations.get('org_secret' as never)).rejects.toThrow(/not a string$/);
    await expect(client.auth.login(undefined as never)).rejects.toThrow(
      'The input must be an object such as { email }, not undefined',
    );
    await expect(login(api.anonymous, null as never)).rejects.toThrow(/not null/);
    expect(api.server.requests).toHaveLength(0);
    await client.close();
  });

  test('a missing id names client.setOrganizationContext(id) on a client, the function otherwise', async () => {
    const client = new PuguhClient({ baseUrl: api.url, apiKey: api.server.apiKey });
    await expect(client.organizations.get()).rejects.toThrow(
      'orgId is required: pass { orgId } or call client.setOrganizationContext(id) first',
    );
    await expect(client.withContext({ applicationId: 'app_1' }).organizations.get()).rejects.toThrow(
      /client\.setOrganizationContext\(id\)/,
    );
    await expect(
      getOrganization(createPuguhCore({ baseUrl: api.url, apiKey: api.server.apiKey })),
    ).rejects.toThrow('orgId is required: pass { orgId } or call setOrganizationContext(core, id) first');
    await client.close();
  });
});
