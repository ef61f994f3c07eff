import { apiPath, type Member, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import {
  MemberSchema,
  requireId,
  requireInput,
  requireOneOf,
  resolveApplicationId,
} from '@puguh/core/internal';
import { APPLICATION_ROLES, type ApplicationRole } from './schemas/member';

/**
 * Input of {@link addApplicationMember}.
 *
 * @public
 */
export interface AddApplicationMemberInput {
  /** The application (`app_…`); defaults to the core's application context. */
  readonly appId?: string | undefined;
  /** The user to add (`usr_…`); must already be a member of the application's organization. */
  readonly userId: string;
  /** The role in the application. */
  readonly role: ApplicationRole;
}

/**
 * Adds a member of the application's organization to the application. Needs the `admin` or
 * `owner` role in the organization (or the service key).
 *
 * Exported from `@puguh/applications`; `client.applications.addMember()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The application, the user and the role.
 * @param options Per-call options, such as an abort signal or an idempotency key.
 *
 * @returns The new application member.
 *
 * @throws `TypeError` (nothing sent) for a missing `userId`, a role other than `owner`, `admin` or
 *   `member`, or no `appId` and no application context. {@link AuthError} (401);
 *   {@link PuguhError} with `forbidden` (403), `application_not_found` (404), `already_member`
 *   (409), `not_organization_member` (422) for a user outside the organization;
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const member = await addApplicationMember(core, { appId: 'app_123', userId: 'usr_456', role: 'member' });
 * ```
 *
 * @public
 */
export async function addApplicationMember(
  core: PuguhCore,
  input: AddApplicationMemberInput,
  options?: RequestOptions,
): Promise<Member> {
  requireInput(input, 'appId');
  const userId = requireId('userId', input?.userId);
  const role = requireOneOf('role', input?.role, APPLICATION_ROLES);
  const appId = resolveApplicationId(core, input.appId);
  return sendRequest(
    core,
    {
      method: 'POST',
      path: apiPath`v1/applications/${appId}/members`,
      body: { user_id: userId, role },
      schema: MemberSchema,
    },
    options,
  );
}
