import { PuguhError } from './errors/puguh-error';
import { getCoreState, type PuguhCore } from './internal/core-state';

/**
 * Closes `core`: requests in flight are aborted and later calls reject with a
 * {@link PuguhError} of code `client_closed`. Closing twice is harmless.
 *
 * @param core The core to close (derived cores of it close too).
 *
 * @returns A promise that resolves once the core is closed.
 *
 * @example
 * ```ts
 * const core = createPuguhCore();
 * try {
 *   console.log(await getPlans(core));
 * } finally {
 *   await closePuguhCore(core);
 * }
 * ```
 *
 * @public
 */
export async function closePuguhCore(core: PuguhCore): Promise<void> {
  const [own] = getCoreState(core).lifecycles;
  if (own && !own.signal.aborted) {
    const reason = closedError();
    closeReasons.add(reason);
    own.abort(reason);
  }
}

// The reasons `closePuguhCore` aborts with; each call then rejects with a `client_closed` of its own.
const closeReasons = /* @__PURE__ */ new WeakSet<object>();

/** Whether `reason` is the abort reason of a closed core (not a caller's own reason). */
export const isCloseReason = (reason: unknown): boolean =>
  typeof reason === 'object' && reason !== null && closeReasons.has(reason);

/** The error of a call on a closed core: a new instance per call. */
export function closedError(): PuguhError {
  return new PuguhError('This PUGUH client is closed', { code: 'client_closed' });
}

/**
 * Reports whether `core` (or a core it was derived from) has been closed.
 *
 * @param core The core to check.
 *
 * @returns `true` once `closePuguhCore` was called on it or on its parent.
 *
 * @example
 * ```ts
 * if (!isPuguhCoreClosed(core)) await getPlans(core);
 * ```
 *
 * @public
 */
export function isPuguhCoreClosed(core: PuguhCore): boolean {
  return getCoreState(core).lifecycles.some((lifecycle) => lifecycle.signal.aborted);
}
