import {
  apiPath,
  type Member,
  type PageParameters,
  type PageRequest,
  type PuguhCore,
  type RequestOptions,
} from '@puguh/core';
import { MemberSchema, requireInput, resolveApplicationId, sendPageRequest } from '@puguh/core/internal';

/**
 * Input of {@link listApplicationMembers}.
 *
 * @public
 */
export interface ListApplicationMembersInput extends PageParameters {
  /** The application (`app_…`); defaults to the core's application context. */
  readonly appId?: string | undefined;
}

/**
 * Lists the members of an application. Awaiting the result gives the first page; `for await` over
 * it yields every member of every page.
 *
 * Exported from `@puguh/applications`; `client.applications.listMembers()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The application and pagination (`limit` 1–100, `cursor`).
 * @param options Per-call options, applied to every page request.
 *
 * @returns The first page, iterable over every page.
 *
 * @throws `TypeError` (synchronously, nothing sent) when there is no `appId` and no application
 *   context, or for a bad `limit`/`cursor`. When awaited or iterated: {@link AuthError} (401),
 *   {@link PuguhError} with `application_not_found` (404), {@link RateLimitError},
 *   {@link NetworkError}.
 *
 * @example
 * ```ts
 * for await (const member of listApplicationMembers(core, { appId: 'app_123' })) {
 *   console.log(member.email, member.role);
 * }
 * ```
 *
 * @public
 */
export function listApplicationMembers(
  core: PuguhCore,
  input: ListApplicationMembersInput = {},
  options?: RequestOptions,
): PageRequest<Member> {
  requireInput(input, 'appId');
  const appId = resolveApplicationId(core, input.appId);
  return sendPageRequest(
    core,
    apiPath`v1/applications/${appId}/members`,
    MemberSchema,
    { limit: input.limit, cursor: input.cursor },
    options,
  );
}
