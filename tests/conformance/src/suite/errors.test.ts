import { AuthError, NetworkError, PuguhError, RateLimitError } from '@puguh/core';
import { describe, expect, test } from 'vitest';
import { injectFault } from '../support/control';
import { closedUrl } from '../support/provided';
import { client, signUp, unique } from '../support/users';

/** The rejection of `promise`, or a failure if it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('error mapping', () => {
  test('401 → AuthError', async () => {
    const error = await failureOf(client({ accessToken: 'not-a-real-token' }).organizations.list());
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  test('403, 404 and 409 → PuguhError with statusCode and code', async () => {
    const { client: owner } = await signUp();
    const member = await signUp();
    const slug = unique('taken');
    const org = await owner.organizations.create({ name: 'Errors', slug });
    await owner.organizations.inviteMember({ orgId: org.id, email: member.email, role: 'member' });

    const forbidden = await failureOf(member.client.organizations.delete({ orgId: org.id }));
    const notFound = await failureOf(owner.organizations.get({ orgId: 'org_does_not_exist' }));
    const conflict = await failureOf(owner.organizations.create({ name: 'Again', slug }));

    for (const error of [forbidden, notFound, conflict]) {
      expect(error).toBeInstanceOf(PuguhError);
      expect(error).not.toBeInstanceOf(AuthError);
    }
    expect(forbidden).toMatchObject({ statusCode: 403, code: 'forbidden' });
    expect(notFound).toMatchObject({ statusCode: 404, code: 'organization_not_found' });
    expect(conflict).toMatchObject({ statusCode: 409, code: 'slug_taken' });
    expect((conflict as PuguhError).requestId).toMatch(/^req_/);
  });

  test('429 → RateLimitError with retryAfter in seconds', async () => {
    const { client: owner } = await signUp();
    const org = await owner.organizations.create({ name: 'Limited', slug: unique('limited') });
    // A path only this test uses: the server (and its fault queue) is shared by every runtime.
    await injectFault({
      method: 'GET',
      path: `/v1/organizations/${org.id}/usage`,
      status: 429,
      headers: { 'retry-after': '7' },
    });

    const error = await failureOf(owner.billing.getUsage({ orgId: org.id }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, code: 'rate_limited', retryAfter: 7 });
    // The fault was used up: the next call is answered normally.
    expect((await owner.billing.getUsage({ orgId: org.id })).organizationId).toBe(org.id);
  });

  test('no response at all → NetworkError', async () => {
    const error = await failureOf(client({ baseUrl: closedUrl() }).billing.getPlans());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ statusCode: undefined, code: 'connection_failed' });
  });
});
