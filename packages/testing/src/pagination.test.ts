import { describe, expect, test } from 'vitest';
import { expectError, useServer } from './test-support/harness';
import type { Invoice, Member, Organization, Page, Plan } from './test-support/wire-types';

const api = useServer();

async function collect<T>(
  path: string,
  token: string | undefined,
  limit: number,
): Promise<{ pages: T[][]; cursors: (string | null)[] }> {
  const pages: T[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query: string = `${separator}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const response: { status: number; body: Page<T> } = await api.call<Page<T>>(
      'GET',
      `${path}${query}`,
      token === undefined ? {} : { token },
    );
    expect(response.status).toBe(200);
    pages.push(response.body.data);
    cursor = response.body.next_cursor;
    cursors.push(cursor);
    expect(response.body.has_more).toBe(cursor !== null);
  } while (cursor !== null && pages.length < 50);
  return { pages, cursors };
}

describe('cursor pagination', () => {
  test('walks every organization across several pages, in creation order, without repeats', async () => {
    const { token } = await api.signUp('pages');
    const created: string[] = [];
    for (let index = 0; index < 7; index++) created.push((await api.createOrganization(token)).id);
    const { pages } = await collect<Organization>('/v1/organizations', token, 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((organization) => organization.id)).toEqual(created);
  });

  test('the default page size is 20', async () => {
    const { token } = await api.signUp('default');
    for (let index = 0; index < 21; index++) await api.createOrganization(token);
    const first = await api.call<Page<Organization>>('GET', '/v1/organizations', { token });
    expect(first.body.data).toHaveLength(20);
    expect(first.body.has_more).toBe(true);
  });

  test('deleting an item between pages neither skips nor repeats the others', async () => {
    const { token } = await api.signUp('stable');
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) ids.push((await api.createOrganization(token)).id);
    const first = await api.call<Page<Organization>>('GET', '/v1/organizations?limit=2', { token });
    await api.call('DELETE', `/v1/organizations/${ids[0]}`, { token });
    const second = await api.call<Page<Organization>>(
      'GET',
      `/v1/organizations?limit=2&cursor=${first.body.next_cursor}`,
      { token },
    );
    expect(second.body.data.map((organization) => organization.id)).toEqual([ids[2], ids[3]]);
  });

  test('members, plans and invoices (newest first) paginate the same way', async () => {
    const owner = await api.signUp('owner');
    const organization = await api.createOrganization(owner.token);
    for (let index = 0; index < 4; index++) {
      const invitee = await api.signUp('invitee');
      await api.call('POST', `/v1/organizations/${organization.id}/invitations`, {
        token: owner.token,
        body: { email: invitee.email, role: 'member' },
      });
    }
    const members = await collect<Member>(`/v1/organizations/${organization.id}/members`, owner.token, 2);
    expect(members.pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(members.pages.flat()[0]?.role).toBe('owner');

    const plans = await collect<Plan>('/v1/billing/plans', undefined, 1);
    expect(plans.pages.flat().map((plan) => plan.id)).toEqual(['plan_free', 'plan_pro', 'plan_business']);

    const base = `/v1/organizations/${organization.id}`;
    await api.call('POST', `${base}/subscription`, { token: owner.token, body: { plan_id: 'plan_free' } });
    await api.call('POST', `${base}/subscription/upgrade`, {
      token: owner.token,
      body: { plan_id: 'plan_pro' },
    });
    await api.call('POST', `${base}/subscription/upgrade`, {
      token: owner.token,
      body: { plan_id: 'plan_business' },
    });
    const invoices = await collect<Invoice>(`${base}/invoices`, owner.token, 2);
    expect(invoices.pages.map((page) => page.length)).toEqual([2, 1]);
    expect(invoices.pages.flat().map((invoice) => invoice.plan_id)).toEqual([
      'plan_business',
      'plan_pro',
      'plan_free',
    ]);
  });

  test.each(['0', '101', 'abc', '-1', '2.5', ''])('limit=%j is 400 invalid_request', async (limit) => {
    const response = await api.call('GET', `/v1/billing/plans?limit=${limit}`);
    expect(expectError(response, 400, 'invalid_request').details?.fields).toEqual({
      limit: 'must be an integer from 1 to 100',
    });
  });

  test('a malformed cursor, or one from another list, is 400 invalid_cursor', async () => {
    const { token } = await api.signUp('cursor');
    await api.createOrganization(token);
    await api.createOrganization(token);
    expectError(await api.call('GET', '/v1/organizations?cursor=%%%', { token }), 400, 'invalid_cursor');
    expectError(await api.call('GET', '/v1/organizations?cursor=bm9wZQ', { token }), 400, 'invalid_cursor');
    const plans = await api.call<Page<Plan>>('GET', '/v1/billing/plans?limit=1');
    expectError(
      await api.call('GET', `/v1/organizations?cursor=${plans.body.next_cursor}`, { token }),
      400,
      'invalid_cursor',
    );
  });
});
