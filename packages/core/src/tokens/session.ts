import { AuthError } from '../errors/auth-error';
import { isPuguhError } from '../errors/puguh-error';
import { checkCredential } from '../internal/validate';
import type { AccessTokenProvider } from '../options';
import type { TokenSet } from './token-set';

/**
 * The credentials of one core, kept in this closure so that no property of the core (and so no
 * `util.inspect`, `JSON.stringify` or `structuredClone` of it) can reach them.
 */
export interface Session {
  readonly mode: 'none' | 'apiKey' | 'user';
  /** Whether a 401 on a user call may be answered by refreshing the session. */
  readonly canRefresh: () => boolean;
  /** The `Authorization` value for one attempt (if any), and the token generation it came from. */
  readonly credentials: () => Promise<[header: string | undefined, generation: number]>;
  /**
   * Refreshes once for every caller that saw a 401 with `generation`: the first starts the
   * refresh, later ones wait for it, and callers whose token is already stale just replay.
   */
  readonly refreshAfter: (
    generation: number,
    exchange: (refreshToken: string) => Promise<TokenSet>,
  ) => Promise<void>;
}

export function createSession(
  apiKey: string | undefined,
  initialToken: string | AccessTokenProvider | undefined,
  initialRefreshToken: string | undefined,
  onTokens: ((tokens: TokenSet) => void | Promise<void>) | undefined,
): Session {
  let accessToken = initialToken;
  let refreshToken = initialRefreshToken;
  let generation = 0;
  let refreshing: Promise<void> | undefined;
  const mode = apiKey ? 'apiKey' : accessToken ? 'user' : 'none';

  return {
    mode,
    canRefresh: () => mode === 'user' && refreshToken !== undefined,
    async credentials() {
      let secret: unknown = apiKey ?? accessToken;
      if (typeof secret === 'function') {
        try {
          secret = checkCredential('accessToken', await secret());
        } catch (cause) {
          throw new AuthError('The accessToken function failed or returned no usable token', {
            code: 'token_provider_failed',
            cause,
          });
        }
      }
      return [secret ? `Bearer ${secret}` : undefined, generation];
    },
    refreshAfter(seen, exchange) {
      if (seen !== generation) return Promise.resolve();
      refreshing ??= (async () => {
        try {
          let tokens: TokenSet;
          try {
            tokens = await exchange(refreshToken as string);
          } catch (cause) {
            // A network failure or a 5xx is not a verdict on the session: surface it as it is and
            // keep the refresh token for the next try. Only a 4xx means the session is over.
            const status = isPuguhError(cause) ? cause.statusCode : undefined;
            if (!status || status > 499) throw cause;
            throw new AuthError(`The session could not be refreshed: ${(cause as Error).message}`, {
              code: 'refresh_failed',
              statusCode: status,
              details: { reason: (cause as AuthError).code },
            });
          }
          accessToken = tokens.accessToken;
          refreshToken = tokens.refreshToken;
          generation += 1;
          await onTokens?.(tokens);
        } finally {
          refreshing = undefined;
        }
      })();
      return refreshing;
    },
  };
}
