import { getCoreState, type PuguhCore } from './internal/core-state';
import { requireId } from './require-input';

/**
 * Returns the organization id for a call: the explicit one, else the core's context.
 *
 * For domain packages and custom calls; it throws before any request is sent, so a forgotten id
 * never becomes a request to the wrong tenant.
 *
 * @param core The core whose context applies.
 * @param orgId The id passed by the caller, if any.
 *
 * @returns The organization id.
 *
 * @throws `TypeError` when neither is set, or the explicit one is not a non-empty string.
 *
 * @example
 * ```ts
 * const orgId = resolveOrganizationId(core, input?.orgId);
 * ```
 *
 * @public
 */
export function resolveOrganizationId(core: PuguhCore, orgId?: string): string {
  return resolveId(core, 'orgId', orgId, 'organizationId', 'setOrganizationContext');
}

/**
 * Returns the application id for a call: the explicit one, else the core's context.
 *
 * @param core The core whose context applies.
 * @param appId The id passed by the caller, if any.
 *
 * @returns The application id.
 *
 * @throws `TypeError` when neither is set, or the explicit one is not a non-empty string.
 *
 * @example
 * ```ts
 * const appId = resolveApplicationId(core, input?.appId);
 * ```
 *
 * @public
 */
export function resolveApplicationId(core: PuguhCore, appId?: string): string {
  return resolveId(core, 'appId', appId, 'applicationId', 'setApplicationContext');
}

function resolveId(
  core: PuguhCore,
  name: string,
  explicit: unknown,
  contextKey: 'organizationId' | 'applicationId',
  setter: string,
): string {
  if (explicit !== undefined) return requireId(name, explicit);
  const state = getCoreState(core);
  const fromContext = state.context[contextKey];
  if (fromContext !== undefined) return fromContext;
  // Name the form the caller uses: the client's method, or the standalone function.
  const hint = state.clientHints ? `client.${setter}(id)` : `${setter}(core, id)`;
  throw new TypeError(`${name} is required: pass { ${name} } or call ${hint} first`);
}

/**
 * Makes a core's error hints name `PuguhClient`'s methods; `PuguhClient` calls it on the core it
 * creates. Cores derived from it afterwards inherit the setting.
 *
 * @param core The client's core.
 *
 * @example
 * ```ts
 * useClientHints(core);
 * ```
 */
export function useClientHints(core: PuguhCore): void {
  getCoreState(core).clientHints = true;
}

/**
 * Builds an API path from a template, encoding every interpolated id as one path segment.
 *
 * An id cannot leave its segment: `/`, `?`, `#` and `%` are percent-encoded, and `.`/`..` (which
 * URL parsers resolve as "here"/"up") and empty or non-string values are refused before any request.
 *
 * @param strings The literal parts of the template.
 * @param ids The ids to place between them.
 *
 * @returns The path, without a leading slash, ready for `sendRequest`.
 *
 * @throws `TypeError` for an id that is not a non-empty string, or is `.` or `..`.
 *
 * @example
 * ```ts
 * apiPath`v1/organizations/${orgId}/members/${userId}`; // 'v1/organizations/org_1/members/usr_2'
 * ```
 *
 * @public
 */
export function apiPath(strings: TemplateStringsArray, ...ids: readonly unknown[]): string {
  let path = strings[0] as string;
  ids.forEach((id, index) => {
    path += encodeURIComponent(requireId('An id in the path', id)) + strings[index + 1];
  });
  return path;
}
