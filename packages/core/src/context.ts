import { type CoreState, createCoreObject, getCoreState, type PuguhCore } from './internal/core-state';
import { CONTEXT_KEYS, checkKnownOptions } from './internal/known-options';
import { requireHeaderId } from './require-input';

/**
 * Sets the organization context of `core`: every later request sends `X-Puguh-Organization-Id`,
 * and functions taking an optional `orgId` use it when none is passed.
 *
 * This mutates `core`, which suits scripts and one-user clients. A server handling several
 * tenants at once should use {@link withContext} instead, so concurrent requests cannot race.
 *
 * @param core The core to change.
 * @param organizationId The organization id (`org_…`).
 *
 * @throws `TypeError` when `organizationId` is not a non-empty string.
 *
 * @example
 * ```ts
 * setOrganizationContext(core, 'org_123');
 * const members = await listOrganizationMembers(core); // org_123's members
 * ```
 *
 * @public
 */
export function setOrganizationContext(core: PuguhCore, organizationId: string): void {
  getCoreState(core).context.organizationId = requireHeaderId('organizationId', organizationId);
}

/**
 * Sets the application context of `core`: every later request sends `X-Puguh-Application-Id`,
 * and functions taking an optional `appId` use it when none is passed.
 *
 * @param core The core to change.
 * @param applicationId The application id (`app_…`).
 *
 * @throws `TypeError` when `applicationId` is not a non-empty string.
 *
 * @example
 * ```ts
 * setApplicationContext(core, 'app_123');
 * const app = await getApplication(core); // app_123
 * ```
 *
 * @public
 */
export function setApplicationContext(core: PuguhCore, applicationId: string): void {
  getCoreState(core).context.applicationId = requireHeaderId('applicationId', applicationId);
}

/**
 * Removes the organization and application context of `core`.
 *
 * @param core The core to change.
 *
 * @example
 * ```ts
 * clearContext(core);
 * ```
 *
 * @public
 */
export function clearContext(core: PuguhCore): void {
  const { context } = getCoreState(core);
  context.organizationId = undefined;
  context.applicationId = undefined;
}

/**
 * The context of a derived core; an omitted field keeps the parent's value at the time of the call.
 *
 * @public
 */
export interface ContextOverrides {
  /** Organization context of the derived core. */
  readonly organizationId?: string | undefined;
  /** Application context of the derived core. */
  readonly applicationId?: string | undefined;
}

/**
 * Returns a derived core with its own context that shares the parent's transport, credentials
 * and session (so a token refresh serves both). Changing either context later does not affect
 * the other, which makes it safe for servers that handle many tenants at once.
 *
 * Closing the parent closes every derived core; closing a derived core closes only it.
 *
 * @param core The parent core.
 * @param overrides The derived core's organization and application ids.
 *
 * @returns A new core.
 *
 * @throws `TypeError` when an id is not a non-empty string.
 *
 * @example
 * ```ts
 * app.get('/tenants/:orgId/usage', async (c) => {
 *   const tenantCore = withContext(core, { organizationId: c.req.param('orgId') });
 *   return c.json(await getUsage(tenantCore));
 * });
 * ```
 *
 * @public
 */
export function withContext(core: PuguhCore, overrides: ContextOverrides): PuguhCore {
  const parent = getCoreState(core);
  if (typeof overrides !== 'object' || overrides === null) throw new TypeError('withContext needs an object');
  // `{ orgId }` (the per-call spelling) would otherwise keep the parent's tenant without a word.
  checkKnownOptions('withContext', overrides, CONTEXT_KEYS);
  const { organizationId, applicationId } = overrides;
  const state: CoreState = {
    ...parent,
    context: {
      organizationId:
        organizationId === undefined
          ? parent.context.organizationId
          : requireHeaderId('organizationId', organizationId),
      applicationId:
        applicationId === undefined
          ? parent.context.applicationId
          : requireHeaderId('applicationId', applicationId),
    },
    lifecycles: [new AbortController(), ...parent.lifecycles],
  };
  return createCoreObject(state);
}
