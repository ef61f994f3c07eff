import type { PuguhLogger } from '../options';
import type { ResponseHook } from '../response-info';
import type { Credentials } from '../tokens/credentials';
import { SDK_VERSION } from '../version';

/** Settings of every call, resolved and validated once by `createPuguhCore`. */
export interface CallDefaults {
  readonly timeout: number;
  readonly totalTimeout: number | undefined;
  readonly maxRetries: number;
  readonly maxRetryAfter: number;
  readonly maxResponseBytes: number;
}

/** Mutable organization/application context of one core. */
export interface Context {
  organizationId: string | undefined;
  applicationId: string | undefined;
}

/** Everything behind a {@link PuguhCore}; only core's functions read it. */
export interface CoreState {
  readonly baseUrl: string;
  /** The `fetch` option, or `undefined` for `globalThis.fetch` (looked up at call time). */
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Headers of every request (lower-case names), validated once: `accept`, the client name, the caller's. */
  readonly headers: Readonly<Record<string, string>>;
  readonly defaults: CallDefaults;
  /** Shared by a root core and every core derived from it. */
  readonly credentials: Credentials;
  readonly context: Context;
  /** This core's close controller first, then its ancestors': closing any of them closes this core. */
  readonly lifecycles: readonly AbortController[];
  readonly logger: PuguhLogger | undefined;
  /**
   * Set for the cores of a `PuguhClient` (and inherited by their derived cores): error hints then
   * name the client's methods (`client.setOrganizationContext(id)`), not the standalone functions.
   */
  clientHints?: boolean;
  /** The core's `onResponse`, inherited by derived cores. */
  readonly onResponse: ResponseHook | undefined;
}

declare const coreBrand: unique symbol;

/**
 * The instance every PUGUH function takes first, made only by `createPuguhCore` or `withContext`.
 * Its one public field is `baseUrl`; the state behind it is reachable only through `@puguh/core`'s
 * functions, and printing or serialising it shows no credential. The type is branded, so a plain
 * object such as `{ baseUrl }` is a compile error where a core is expected.
 */
export interface PuguhCore {
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Type-level brand; no such property exists at run time. */
  readonly [coreBrand]: 'PuguhCore';
}

// The state lives in this module's WeakMap, not on the object: nothing outside core can reach it,
// not even through a registered symbol. A copy of `@puguh/core` only knows its own cores, so a
// core from another copy fails loudly (with both versions) instead of half-working.
const states = /* @__PURE__ */ new WeakMap<object, CoreState>();
const VERSION_MARKER = Symbol.for('puguh.sdk.core.version');

/** Wraps `state` in a public core object whose printable surface is redacted. */
export function createCoreObject(state: CoreState): PuguhCore {
  const { baseUrl, credentials, context } = state;
  const summary = () => ({
    baseUrl,
    credentials: credentials.mode === 'none' ? 'none' : `${credentials.mode} [redacted]`,
    ...context,
  });
  const core = Object.freeze(
    Object.defineProperties(
      { baseUrl },
      {
        [VERSION_MARKER]: { value: SDK_VERSION },
        toJSON: { value: summary },
        [Symbol.for('nodejs.util.inspect.custom')]: { value: summary },
      },
    ),
  );
  states.set(core, state);
  return core as unknown as PuguhCore;
}

/** The state behind `core`; a `TypeError` for anything that is not a core of this copy of core. */
export function getCoreState(core: PuguhCore): CoreState {
  const state = states.get(core as object);
  if (state) return state;
  const version = (core as { [VERSION_MARKER]?: unknown } | null)?.[VERSION_MARKER];
  throw new TypeError(
    typeof version === 'string'
      ? `This PuguhCore was created by another copy of @puguh/core (${version}; this one is ${SDK_VERSION}): install a single copy (npm dedupe)`
      : 'Expected a PuguhCore created by createPuguhCore()',
  );
}

/** Whether `value` is a core made by this copy of `@puguh/core`. */
export const isCoreObject = (value: unknown): value is PuguhCore =>
  typeof value === 'object' && value !== null && states.has(value);
