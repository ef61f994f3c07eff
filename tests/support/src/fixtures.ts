import { apiPath, type PuguhCore, sendRequest } from '@puguh/core';
import * as v from 'valibot';

/** An ISO 8601 UTC timestamp as the API writes them. */
export const ISO_TIMESTAMP: RegExp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A UUID, as core generates for `Idempotency-Key`. */
export const UUID: RegExp = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let counter = 0;

/** A slug no other test uses (lower-case letters, digits, single hyphens). */
export function uniqueSlug(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Creates an organization through the raw API. Domain packages use this in their tests because the
 * organizations package is another domain, which they must not import, even in tests. A new
 * organization has no subscription.
 */
export async function createOrganization(core: PuguhCore): Promise<string> {
  const slug = uniqueSlug('org');
  const { id } = await sendRequest(core, {
    method: 'POST',
    path: 'v1/organizations',
    body: { name: `Org ${slug}`, slug },
    schema: v.object({ id: v.string() }),
  });
  return id;
}

/** Makes a registered user a member of an organization at once (the invitation is accepted). */
export async function addOrganizationMember(
  core: PuguhCore,
  orgId: string,
  email: string,
  role: 'admin' | 'member',
): Promise<void> {
  await sendRequest(core, {
    method: 'POST',
    path: apiPath`v1/organizations/${orgId}/invitations`,
    body: { email, role },
    schema: v.object({ status: v.literal('accepted') }),
  });
}
