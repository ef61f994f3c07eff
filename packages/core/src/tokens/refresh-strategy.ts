import type { PuguhCore } from '../internal/core-state';
import type { PuguhLogger } from '../options';
import type { TokenSet } from './token-set';

/**
 * One root core's user session, as a {@link RefreshStrategy} sees it: where to send the exchange,
 * the refresh token to start from, and how to put a new token set in place.
 */
export interface RefreshableSession {
  /**
   * The root core. The exchange goes through it: under its lifecycle, with its timeout, and without
   * the tenant context of whichever derived core saw the 401.
   */
  readonly core: PuguhCore;
  /** The refresh token the core was created with. */
  readonly refreshToken: string;
  /** The `onTokens` option: told of every new set, never awaited by a call. */
  readonly onTokens: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  /** The `logger` option, for failures that must not fail a call (an `onTokens` that throws). */
  readonly logger: PuguhLogger | undefined;
  /** The generation of the current token set; it grows by one with every `replace`. */
  readonly generation: () => number;
  /** Makes `tokens` the session's current set: the next attempts send its access token. */
  readonly replace: (tokens: TokenSet) => void;
}

/**
 * Automatic refresh for user cores, passed to `createPuguhCore` as `refresh`. `automaticRefresh()`
 * from `@puguh/auth` is the one the SDK ships (and what `PuguhClient` uses); keeping it out of
 * `@puguh/core` keeps the exchange and its schema out of bundles that never refresh.
 */
export interface RefreshStrategy {
  /**
   * Called once per root core by `createPuguhCore`. Returns the refresh of that session: it
   * settles once a token set newer than `generation` is in place, starting at most one exchange
   * however many calls ask at once.
   */
  readonly start: (session: RefreshableSession) => (generation: number) => Promise<void>;
}
