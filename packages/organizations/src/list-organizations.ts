import type { PageParameters, PageRequest, PuguhCore, RequestOptions } from '@puguh/core';
import { requireInput, sendPageRequest } from '@puguh/core/internal';
import { type Organization, OrganizationSchema } from './schemas/organization';

/**
 * Input of {@link listOrganizations}: where to start and how many per page.
 *
 * @public
 */
export interface ListOrganizationsInput extends PageParameters {}

/**
 * Lists the organizations the caller can see: a user sees the ones they belong to, a service
 * key sees all of them.
 *
 * The result is awaitable and iterable: `await` it for the first page (a real array with
 * `hasMore` and `nextCursor`), or `for await` over the call itself to get every organization of
 * every page, each exactly once, the next page fetched only when needed.
 *
 * Exported from `@puguh/organizations`; `client.organizations.list()` on `PuguhClient`.
 *
 * @param core The core that sends the requests.
 * @param input `limit` (1–100, default 20) and the `cursor` to start from.
 * @param options Per-call options, applied to every page request.
 *
 * @returns The first page, also async-iterable over all pages.
 *
 * @throws `TypeError` (synchronously, nothing sent) for a `limit` outside 1–100 or an empty
 *   cursor. When awaited or iterated: {@link AuthError} on 401, {@link RateLimitError} on 429,
 *   {@link PuguhError} with code `invalid_cursor` (400) for a cursor from elsewhere,
 *   {@link NetworkError} when the API is unreachable.
 *
 * @example
 * ```ts
 * const firstPage = await listOrganizations(core, { limit: 10 });
 * for (const org of firstPage) console.log(`${org.name} (${org.slug})`);
 *
 * for await (const org of listOrganizations(core)) console.log(org.id);
 * ```
 *
 * @public
 */
export function listOrganizations(
  core: PuguhCore,
  input: ListOrganizationsInput = {},
  options?: RequestOptions,
): PageRequest<Organization> {
  requireInput(input, 'limit');
  return sendPageRequest(
    core,
    'v1/organizations',
    OrganizationSchema,
    { limit: input?.limit, cursor: input?.cursor },
    options,
  );
}
