import { AuthError, type PuguhCore, RateLimitError } from '@puguh/core';
import type { LocalApi, SignedUpUser } from '@puguh-internal/test-support';
import { expect, test } from 'vitest';
import { createOrganization } from '../create-organization';
import { inviteOrganizationMember } from '../invite-organization-member';
import type { OrganizationRole } from '../schemas/member';
import type { Organization } from '../schemas/organization';

/** A UUID, as core generates for `Idempotency-Key`. */
export const UUID: RegExp = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** An ISO 8601 UTC timestamp as the contract writes them. */
export const ISO: RegExp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

let counter = 0;
/** A slug no other test uses. */
export function uniqueSlug(prefix = 'org'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates an organization as `core` (a user core makes that user its owner). */
export function newOrganization(core: PuguhCore, name = 'Acme Corp'): Promise<Organization> {
  return createOrganization(core, { name, slug: uniqueSlug() });
}

/** Signs up a fresh user and makes them a member of `orgId` with `role`, acting as `admin`. */
export async function addMember(
  api: LocalApi,
  admin: PuguhCore,
  orgId: string,
  role: OrganizationRole,
): Promise<SignedUpUser> {
  const user = await api.signUp(`A ${role}`);
  const invitation = await inviteOrganizationMember(admin, { orgId, email: user.email, role });
  expect(invitation.status).toBe('accepted');
  return user;
}

/** The newest request the server saw. */
export function lastRequest(api: LocalApi): LocalApi['server']['requests'][number] {
  const request = api.server.requests.at(-1);
  if (!request) throw new Error('the server saw no request');
  return request;
}

/** Runs `call` and returns what it threw or rejected with. */
export async function failure(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Asserts that `call` fails with a `TypeError` matching `message` and sends nothing. */
export async function expectRefusedLocally(
  api: LocalApi,
  call: () => unknown,
  message?: RegExp,
): Promise<void> {
  const before = api.server.requests.length;
  const error = await failure(call);
  expect(error).toBeInstanceOf(TypeError);
  if (message) expect((error as TypeError).message).toMatch(message);
  expect(api.server.requests.length).toBe(before);
}

/**
 * Asserts that `id`, which would leave its path segment unencoded, either reached the server as
 * one encoded segment right after `prefix` (answered with `notFoundCode`) or was refused locally.
 */
export async function expectIdStaysInItsSegment(
  api: LocalApi,
  call: () => unknown,
  prefix: string,
  id: string,
  notFoundCode: string,
): Promise<void> {
  const before = api.server.requests.length;
  const error = await failure(call);
  if (error instanceof TypeError) {
    expect(api.server.requests.length).toBe(before);
    return;
  }
  expect(error).toMatchObject({ statusCode: 404, code: notFoundCode });
  expect(api.server.requests.length).toBe(before + 1);
  const { path } = lastRequest(api);
  expect(path.startsWith(prefix)).toBe(true);
  const segment = path.slice(prefix.length).split('/')[0] ?? '';
  expect(segment).not.toContain('/');
  expect(decodeURIComponent(segment)).toBe(id);
}

/**
 * The error paths every operation shares: a bogus token is an `AuthError`, a 429 is a
 * `RateLimitError` carrying `Retry-After`. `call` gets a core (with `orgId` already known).
 */
export function sharedErrorTests(
  getApi: () => LocalApi,
  method: string,
  path: () => string | RegExp,
  call: (core: PuguhCore) => Promise<unknown>,
): void {
  test('a bogus token is an AuthError (401)', async () => {
    const api = getApi();
    const error = await failure(() => call(api.core({ accessToken: 'not-a-real-token' })));
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ statusCode: 401, code: 'invalid_token' });
    expect(lastRequest(api).headers.authorization).toBe('Bearer not-a-real-token');
  });

  test('a 429 is a RateLimitError with retryAfter', async () => {
    const api = getApi();
    api.server.faults.inject({ method, path: path(), status: 429, headers: { 'retry-after': '3' } });
    const error = await failure(() => call(api.service));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 3 });
    expect(api.server.faults.pending).toBe(0);
  });
}
