import { automaticRefresh } from '@puguh/auth';
import {
  type ContextOverrides,
  clearContext,
  closePuguhCore,
  createPuguhCore,
  type PuguhCore,
  type PuguhOptions,
  setApplicationContext,
  setOrganizationContext,
  withContext,
} from '@puguh/core';
import { useClientHints } from '@puguh/core/internal';
import { type ApplicationsNamespace, createApplicationsNamespace } from './namespaces/applications';
import { type AuthNamespace, createAuthNamespace } from './namespaces/auth';
import { type BillingNamespace, createBillingNamespace } from './namespaces/billing';
import { createOrganizationsNamespace, type OrganizationsNamespace } from './namespaces/organizations';

// The key under which `fromCore` hands a client its core through the constructor's one argument.
// Module-private and not registered: nothing outside this module can build such an argument.
const ADOPT: unique symbol = Symbol('adopt core');
type AdoptCore = { readonly [ADOPT]: PuguhCore };

/**
 * The all-in-one PUGUH client, for backends, cron jobs and admin scripts: the whole API behind one
 * object, as in the Python SDK. Each method is a standalone function of the domain packages bound to
 * this client's core, so everything documented there holds here.
 *
 * It includes every domain package. For the smallest browser or edge bundle, import the standalone
 * functions (`getPlans` from `@puguh/billing`, `verifyAccessToken` from `@puguh/auth`) with a core
 * from `createPuguhCore()` instead.
 *
 * Create one per process and reuse it; `close()` it (or `await using` it) when done.
 *
 * @example
 * ```ts
 * import { PuguhClient } from '@puguh/sdk';
 *
 * await using client = new PuguhClient(); // PUGUH_BASE_URL and PUGUH_API_KEY from the environment
 * for (const plan of await client.billing.getPlans()) console.log(`${plan.name}: ${plan.price}/mo`);
 * ```
 *
 * @public
 */
export class PuguhClient implements AsyncDisposable {
  /** Login, registration, tokens, magic links, MFA and local token verification. */
  readonly auth: AuthNamespace;
  /** Organizations and their members. */
  readonly organizations: OrganizationsNamespace;
  /** Applications inside organizations, and their members. */
  readonly applications: ApplicationsNamespace;
  /** Plans, subscriptions, invoices and usage. */
  readonly billing: BillingNamespace;
  readonly #core: PuguhCore;

  /**
   * @param options As for `createPuguhCore`: `baseUrl` and `apiKey` default to `PUGUH_BASE_URL` and
   *   `PUGUH_API_KEY`; pass `accessToken` instead to act for a user.
   *
   * @throws `TypeError`/`RangeError` for invalid options (see `createPuguhCore`).
   */
  constructor(options: PuguhOptions = {}) {
    const adopted = (options as Partial<AdoptCore> | null)?.[ADOPT];
    const core =
      adopted ??
      createPuguhCore(
        // Automatic refresh is wired in here, so a bare `createPuguhCore` carries none of its code.
        options?.refreshToken !== undefined && options.refresh === undefined
          ? { ...options, refresh: automaticRefresh() }
          : options,
      );
    // Error hints on a core the client made name the client's methods (an adopted core is left as it is).
    if (!adopted) useClientHints(core);
    this.#core = core;
    this.auth = createAuthNamespace(core);
    this.organizations = createOrganizationsNamespace(core);
    this.applications = createApplicationsNamespace(core);
    this.billing = createBillingNamespace(core);
  }

  /**
   * Wraps an existing core in a client (sharing its transport, credentials and context).
   *
   * @param core A core from `createPuguhCore` or `withContext`.
   *
   * @returns A client over that core.
   *
   * @example
   * ```ts
   * const client = PuguhClient.fromCore(createPuguhCore({ baseUrl, apiKey }));
   * ```
   */
  static fromCore(core: PuguhCore): PuguhClient {
    return new PuguhClient({ [ADOPT]: core } as AdoptCore as PuguhOptions);
  }

  /** The underlying core, for standalone functions with the same credentials and context. */
  get core(): PuguhCore {
    return this.#core;
  }

  /**
   * Sends `orgId` as the organization context on every later request, and uses it when a method's
   * `orgId` is omitted. Mutates this client: servers handling many tenants should use `withContext`.
   *
   * @param orgId The organization id.
   *
   * @example
   * ```ts
   * client.setOrganizationContext('org_123');
   * const members = await client.organizations.listMembers();
   * ```
   */
  setOrganizationContext(orgId: string): void {
    setOrganizationContext(this.#core, orgId);
  }

  /**
   * Sends `appId` as the application context on every later request, and uses it when a method's
   * `appId` is omitted.
   *
   * @param appId The application id.
   *
   * @example
   * ```ts
   * client.setApplicationContext('app_123');
   * ```
   */
  setApplicationContext(appId: string): void {
    setApplicationContext(this.#core, appId);
  }

  /**
   * Removes the organization and application context.
   *
   * @example
   * ```ts
   * client.clearContext();
   * ```
   */
  clearContext(): void {
    clearContext(this.#core);
  }

  /**
   * Returns a client with its own context that shares this client's transport and credentials:
   * safe for a server handling requests of many tenants at once. Closing this client closes it too.
   *
   * @param context The derived client's organization and application ids.
   *
   * @returns A derived client.
   *
   * @example
   * ```ts
   * const tenant = client.withContext({ organizationId: request.params.orgId });
   * return tenant.billing.getUsage();
   * ```
   */
  withContext(context: ContextOverrides): PuguhClient {
    return PuguhClient.fromCore(withContext(this.#core, context));
  }

  /**
   * Aborts requests in flight; later calls reject with a `PuguhError` of code `client_closed`.
   *
   * @returns A promise that resolves once closed.
   *
   * @example
   * ```ts
   * process.on('SIGTERM', () => void client.close());
   * ```
   */
  async close(): Promise<void> {
    await closePuguhCore(this.#core);
  }

  /**
   * Closes the client at the end of an `await using` block (Node ≥ 20.19, Deno, Bun and current
   * browsers define `Symbol.asyncDispose`; the SDK polyfills nothing).
   *
   * @returns A promise that resolves once closed.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** A redacted summary (never a credential), for `JSON.stringify`. */
  toJSON(): unknown {
    return this.#core;
  }
}
