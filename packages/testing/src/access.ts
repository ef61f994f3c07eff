import type { Context } from 'hono';
import { countApiCall } from './billing';
import { ApiError } from './errors';
import { constantTimeEqualText } from './passwords';
import type { AppEnv, ServerState } from './state';
import {
  type ApplicationRecord,
  type OrganizationRecord,
  ROLE_RANK,
  type Role,
  type UserRecord,
} from './store';
import { type AccessTokenClaims, verifyToken } from './tokens';

/**
 * Who is calling: the service (API key, full access) or a user (access token).
 *
 * @example
 * ```ts
 * if (caller.kind === 'user') console.log(caller.user.email);
 * ```
 *
 * @internal
 */
export type Caller =
  | { readonly kind: 'service' }
  | { readonly kind: 'user'; readonly user: UserRecord; readonly claims: AccessTokenClaims };

/**
 * Resolves the `Authorization: Bearer …` credential.
 *
 * @param c The request context.
 * @param state The server state.
 *
 * @returns The caller.
 *
 * @throws {@link ApiError} `401 unauthorized` without a credential; `401 invalid_token` /
 *   `401 token_expired` for a credential that is not accepted.
 *
 * @example
 * ```ts
 * const caller = await authenticate(c, state);
 * ```
 *
 * @internal
 */
export async function authenticate(c: Context<AppEnv>, state: ServerState): Promise<Caller> {
  const header = c.req.header('authorization');
  if (header === undefined || header.trim() === '') {
    throw new ApiError(
      401,
      'unauthorized',
      'Authentication required: send Authorization: Bearer <token or API key>.',
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null)
    throw new ApiError(401, 'invalid_token', 'The Authorization header must be "Bearer <token>".');
  const credential = match[1]!;
  if (credential.startsWith('pk_')) {
    if (constantTimeEqualText(credential, state.apiKey)) return { kind: 'service' };
    throw new ApiError(401, 'invalid_token', 'The API key is not valid.');
  }
  const claims = await verifyToken(state.keys, credential, state.now());
  const user = state.store.users.get(claims.sub);
  if (user === undefined) throw new ApiError(401, 'invalid_token', 'The access token names no user.');
  return { kind: 'user', user, claims };
}

/**
 * Requires a user caller (MFA belongs to a person, not to the service).
 *
 * @param caller The caller.
 *
 * @returns The user.
 *
 * @throws {@link ApiError} `403 user_token_required` for the service key.
 *
 * @example
 * ```ts
 * const user = requireUser(await authenticate(c, state));
 * ```
 *
 * @internal
 */
export function requireUser(caller: Caller): UserRecord {
  if (caller.kind !== 'user') {
    throw new ApiError(
      403,
      'user_token_required',
      'This route needs a user access token, not the service key.',
    );
  }
  return caller.user;
}

/**
 * Loads an organization the caller may act on with at least `minimum` role, and counts the call
 * towards its usage. Non-members get 404, as if it did not exist: nothing is revealed.
 *
 * @param state The server state.
 * @param caller The caller.
 * @param organizationId The organization id from the path.
 * @param minimum The least role the action needs.
 *
 * @returns The organization and the caller's role (`undefined` for the service).
 *
 * @throws {@link ApiError} `404 organization_not_found`; `403 forbidden` for a role too low.
 *
 * @example
 * ```ts
 * const { organization } = organizationAccess(state, caller, c.req.param('org_id'), 'admin');
 * ```
 *
 * @internal
 */
export function organizationAccess(
  state: ServerState,
  caller: Caller,
  organizationId: string,
  minimum: Role,
): { readonly organization: OrganizationRecord; readonly role: Role | undefined } {
  const organization = state.store.organizations.get(organizationId);
  const role =
    caller.kind === 'user'
      ? state.store.memberships.get(organizationId)?.get(caller.user.id)?.role
      : undefined;
  if (organization === undefined || (caller.kind === 'user' && role === undefined)) {
    throw new ApiError(
      404,
      'organization_not_found',
      `No organization ${organizationId} visible to this caller.`,
    );
  }
  countApiCall(state, organization.id);
  checkRole(role, minimum);
  return { organization, role };
}

/**
 * Loads an application the caller may act on with at least `minimum` role in its organization,
 * and counts the call towards the organization's usage.
 *
 * @param state The server state.
 * @param caller The caller.
 * @param applicationId The application id from the path.
 * @param minimum The least organization role the action needs.
 *
 * @returns The application and the caller's organization role (`undefined` for the service).
 *
 * @throws {@link ApiError} `404 application_not_found`; `403 forbidden` for a role too low.
 *
 * @example
 * ```ts
 * const { application } = applicationAccess(state, caller, c.req.param('app_id'), 'member');
 * ```
 *
 * @internal
 */
export function applicationAccess(
  state: ServerState,
  caller: Caller,
  applicationId: string,
  minimum: Role,
): { readonly application: ApplicationRecord; readonly role: Role | undefined } {
  const application = state.store.applications.get(applicationId);
  const role =
    caller.kind === 'user' && application !== undefined
      ? state.store.memberships.get(application.organizationId)?.get(caller.user.id)?.role
      : undefined;
  if (application === undefined || (caller.kind === 'user' && role === undefined)) {
    throw new ApiError(
      404,
      'application_not_found',
      `No application ${applicationId} visible to this caller.`,
    );
  }
  countApiCall(state, application.organizationId);
  checkRole(role, minimum);
  return { application, role };
}

/**
 * Whether a caller with `role` (`undefined`: the service) may grant or touch `target`: nobody
 * hands out or changes a role above their own.
 *
 * @param role The caller's role.
 * @param target The role granted or changed.
 *
 * @returns `true` when allowed.
 *
 * @example
 * ```ts
 * outranks('admin', 'owner'); // false
 * ```
 *
 * @internal
 */
export function outranks(role: Role | undefined, target: Role): boolean {
  return role === undefined || ROLE_RANK[role] >= ROLE_RANK[target];
}

function checkRole(role: Role | undefined, minimum: Role): void {
  if (!outranks(role, minimum)) {
    throw new ApiError(
      403,
      'forbidden',
      `This action needs the ${minimum} role or higher; your role is ${role}.`,
    );
  }
}
