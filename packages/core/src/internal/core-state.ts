import type { KyInstance, Options as KyOptions } from 'ky';
import type { PuguhLogger } from '../options';
import type { Session } from '../tokens/session';

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

/**
 * The ky instance, created on the first request rather than by `createPuguhCore`, so that a
 * bundle which only verifies tokens locally (edge functions) never includes ky. Shared by
 * reference between a core and the cores derived from it.
 */
export interface Transport {
  readonly options: KyOptions;
  instance: KyInstance | undefined;
}

/** Everything behind a {@link PuguhCore}; only core's functions read it. */
export interface CoreState {
  readonly baseUrl: string;
  readonly transport: Transport;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly defaults: CallDefaults;
  readonly session: Session;
  readonly context: Context;
  /** This core's close controller first, then its ancestors': closing any of them closes this core. */
  readonly lifecycles: readonly AbortController[];
  readonly logger: PuguhLogger | undefined;
}

/**
 * The instance every PUGUH function takes first. Its only public field is `baseUrl`; the state
 * behind it is reachable only through `@puguh/core` functions, and printing or serialising it
 * shows no credential.
 *
 * @example
 * ```ts
 * const core: PuguhCore = createPuguhCore({ baseUrl: 'https://api-puguh.arsaka.io' });
 * console.log(core.baseUrl);
 * ```
 *
 * @public
 */
export interface PuguhCore {
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
}

// A registered symbol, so a core made by one copy of this package works with functions of another.
const CORE_STATE = Symbol.for('puguh.sdk.core');

/** Wraps `state` in a public core object whose printable surface is redacted. */
export function createCoreObject(state: CoreState): PuguhCore {
  const { baseUrl, session, context } = state;
  const summary = () => ({
    baseUrl,
    credentials: session.mode === 'none' ? 'none' : `${session.mode} [redacted]`,
    ...context,
  });
  return Object.freeze(
    Object.defineProperties(
      { baseUrl },
      {
        [CORE_STATE]: { value: state },
        toJSON: { value: summary },
        [Symbol.for('nodejs.util.inspect.custom')]: { value: summary },
      },
    ),
  );
}

/** The state behind `core`; a `TypeError` for anything that is not a core. */
export function getCoreState(core: PuguhCore): CoreState {
  const state = (core as { [CORE_STATE]?: CoreState } | undefined)?.[CORE_STATE];
  if (!state) throw new TypeError('Expected a PuguhCore created by createPuguhCore()');
  return state;
}
