interface Followers {
  readonly calls: Set<AbortController>;
  readonly onAbort: () => void;
}

// Per source signal, the calls following it. A WeakMap, so a forgotten signal is collected with it.
const followersOf = /* @__PURE__ */ new WeakMap<AbortSignal, Followers>();

/**
 * Aborts `call` (with the source's reason) when `source` aborts, and returns the function that
 * stops following. However many calls follow one signal at once — a caller's shared signal, a
 * core's close signal — the signal carries at most one listener, removed with its last follower:
 * no MaxListenersExceededWarning, and nothing left behind. (`AbortSignal.any` would do the same job
 * but leaks on Node 20 when the source is long-lived: nodejs/node#55351.)
 */
export function followSignal(source: AbortSignal, call: AbortController): () => void {
  let followers = followersOf.get(source);
  if (!followers) {
    const calls = new Set<AbortController>();
    const onAbort = () => {
      for (const follower of calls) follower.abort(source.reason);
    };
    followers = { calls, onAbort };
    followersOf.set(source, followers);
    source.addEventListener('abort', onAbort);
  }
  const { calls, onAbort } = followers;
  calls.add(call);
  return () => {
    calls.delete(call);
    if (calls.size === 0) {
      source.removeEventListener('abort', onAbort);
      followersOf.delete(source);
    }
  };
}
