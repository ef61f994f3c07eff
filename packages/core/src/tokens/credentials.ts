import { checkCredential } from '../internal/validate';
import type { AccessTokenProvider } from '../options';
import type { TokenSet } from './token-set';

/** Signature of the shared refresh: settles once a token set newer than `generation` is in place. */
export type Refresh = (generation: number) => Promise<void>;

/**
 * The credentials of one root core, shared by every core derived from it, and kept in this closure
 * so that no property of a core (and so no `util.inspect`, `JSON.stringify` or `structuredClone` of
 * one) can reach them.
 */
export interface Credentials {
  readonly mode: 'none' | 'apiKey' | 'user';
  /** Counts the token sets this session has had; a 401 names the one it was sent with. */
  readonly generation: () => number;
  /**
   * The token for one attempt: the key or a fixed token at once, a promise when it comes from an
   * `accessToken` function (which the caller must bound: it may never settle).
   */
  readonly token: () => string | Promise<unknown> | undefined;
  /** Puts a refreshed token set in place of the current one. */
  readonly replace: (tokens: TokenSet) => void;
  /** Set when the session can refresh (a user token with a refresh token and a refresh strategy). */
  refresh: Refresh | undefined;
}

/** Holds a core's credential; `refresh` is attached afterwards by the refresh strategy, if any. */
export function createCredentials(
  apiKey: string | undefined,
  accessToken: string | AccessTokenProvider | undefined,
): Credentials {
  let current = apiKey ?? accessToken;
  let generation = 0;
  return {
    mode: apiKey ? 'apiKey' : accessToken ? 'user' : 'none',
    generation: () => generation,
    token: () => (typeof current === 'function' ? Promise.resolve().then(current) : current),
    replace(tokens) {
      // A token that cannot go into a header would fail every later call, and fetch's error would
      // quote it: refuse it here (the message names the field, not the value).
      current = checkCredential('accessToken', tokens.accessToken);
      generation += 1;
    },
    refresh: undefined,
  };
}
