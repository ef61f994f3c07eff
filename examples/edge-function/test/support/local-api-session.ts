/** A signed-in user of the local API: what a real login returned. */
export interface SignedInUser {
  readonly userId: string;
  readonly email: string;
  readonly organizationId: string;
  /** An access token scoped to `organizationId` (roles `user` and `owner`). */
  readonly accessToken: string;
  /** An access token with no organization (role `user`). */
  readonly unscopedAccessToken: string;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} → ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Registers a user, logs in, creates an organization and logs in again scoped to it, with plain
 * `fetch` over the wire contract: the tokens come from the API's real login, as a browser app's
 * would.
 *
 * @param apiUrl The local API's origin.
 * @param email A fresh e-mail address.
 *
 * @returns The user, their organization and two access tokens.
 *
 * @example
 * ```ts
 * const ada = await signUpAndLogIn(api.url, 'ada@example.test');
 * ```
 */
export async function signUpAndLogIn(apiUrl: string, email: string): Promise<SignedInUser> {
  const password = 'correct-horse-battery';
  const user = (await post(`${apiUrl}/v1/auth/register`, { email, password, full_name: 'Ada Lovelace' })) as {
    user_id: string;
  };
  const unscoped = (await post(`${apiUrl}/v1/auth/login`, { email, password })) as { access_token: string };
  const organization = (await post(
    `${apiUrl}/v1/organizations`,
    { name: 'Analytical Engines', slug: `engines-${Date.now()}` },
    { authorization: `Bearer ${unscoped.access_token}` },
  )) as { id: string };
  // The organization context on login scopes the new token to it (its `org_id` claim).
  const scoped = (await post(
    `${apiUrl}/v1/auth/login`,
    { email, password },
    { 'x-puguh-organization-id': organization.id },
  )) as { access_token: string };
  return {
    userId: user.user_id,
    email,
    organizationId: organization.id,
    accessToken: scoped.access_token,
    unscopedAccessToken: unscoped.access_token,
  };
}
