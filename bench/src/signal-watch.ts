// A diagnosis for the soak's heap growth. On Node 20, `AbortSignal.any` keeps a WeakRef to each
// composite signal in every source's dependants set and never prunes it (nodejs/node#55351; the
// fix, nodejs/node#55354, shipped in Node 22.12 and is not in Node 20). A source that outlives the
// requests, such as a client's "closed" signal combined into every call's signal, then grows by
// one entry per request. This counts how often each signal is passed to `AbortSignal.any` and
// reports the dependants left on the reused ones.

/** Signals passed to `AbortSignal.any` at least this often count as long-lived. */
const REUSED = 100;

export interface SignalReport {
  /** Per long-lived source: how many composites were made from it, and how many it still holds. */
  readonly sources: { readonly uses: number; readonly dependants: number | undefined }[];
}

/**
 * Wraps `AbortSignal.any` to count its sources. Counting uses a WeakMap, so it retains nothing but
 * the few long-lived signals themselves.
 *
 * @returns A function that reports the long-lived sources (call it after `gc()`).
 */
export function watchAbortSignalAny(): () => SignalReport {
  const uses = new WeakMap<AbortSignal, number>();
  const longLived = new Set<AbortSignal>();
  const original = AbortSignal.any;
  AbortSignal.any = (signals: Parameters<typeof AbortSignal.any>[0]) => {
    for (const signal of signals) {
      const count = (uses.get(signal) ?? 0) + 1;
      uses.set(signal, count);
      if (count === REUSED) longLived.add(signal);
    }
    return original.call(AbortSignal, signals);
  };
  return () => ({
    sources: [...longLived].map((signal) => ({
      uses: uses.get(signal) ?? 0,
      dependants: dependantCount(signal),
    })),
  });
}

/** The size of Node's internal dependants set, or `undefined` where there is none (other runtimes). */
function dependantCount(signal: AbortSignal): number | undefined {
  const key = Object.getOwnPropertySymbols(signal).find(
    (symbol) => symbol.description === 'kDependantSignals',
  );
  // Node's own `SafeSet`, which is not `instanceof Set`: read its size duck-typed.
  const set = key === undefined ? undefined : (signal as unknown as Record<symbol, { size?: unknown }>)[key];
  return typeof set?.size === 'number' ? set.size : undefined;
}
