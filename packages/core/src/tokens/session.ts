import { AuthError } from '../errors/auth-error';
import { isPuguhError } from '../errors/puguh-error';
import { checkCredential } from '../internal/validate';
import type { AccessTokenProvider } from '../options';
import type { TokenSet } from './token-set';

/** The `Authorization` value for one attempt, and which token generation produced it. */
export interface AttemptCredentials {
  readonly header: string | undefined;
  readonly generation: number;
}

/**
 * The credentials of one core, kept in this closure so that no property of the core (and so no
 * `util.inspect`, `JSON.stringify` or `structuredClone` of it) can reach them.
 */
export interface Session {
  readonly mode: 'none' | 'apiKey' | 'user';
  /** Whether a 401 on a user call may be answered by refreshing the session. */
  readonly canRefresh: () => boolean;
  readonly credentials: () => Promise<AttemptCredentials>;
  /**
   * Refreshes once for every caller that saw a 401 with `generation`: the first starts the
   * refresh, later ones wait for it, and callers whose token is already stale just replay.
   */
  readonly refreshAfter: (
    generation: number,
    exchange: (refreshToken: string) => Promise<TokenSet>,
  ) => Promise<void>;
  /** A redacted description for `util.inspect` and `toJSON`. */
  readonly describe: () => string;
}

export interface SessionInput {
  readonly apiKey?: string | undefined;
  readonly accessToken?: string | AccessTokenProvider | undefined;
  readonly refreshToken?: string | undefined;
  readonly onTokens?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
}

export function createSession(input: SessionInput): Session {
  const { apiKey, onTokens } = input;
  let accessToken = input.accessToken;
  let refreshToken = input.refreshToken;
  let generation = 0;
  let refreshing: Promise<void> | undefined;
  const mode = apiKey !== undefined ? 'apiKey' : accessToken !== undefined ? 'user' : 'none';

  async function currentAccessToken(): Promise<string> {
    if (typeof accessToken !== 'function') return accessToken as string;
    let token: unknown;
    try {
      token = await accessToken();
    } catch (cause) {
      throw new AuthError('The accessToken function threw', { code: 'token_provider_failed', cause });
    }
    try {
      return checkCredential('accessToken', token);
    } catch {
      throw new AuthError('The accessToken function did not return a usable token', {
        code: 'token_provider_failed',
      });
    }
  }

  return {
    mode,
    canRefresh: () => mode === 'user' && refreshToken !== undefined,
    async credentials() {
      const current = generation;
      if (mode === 'none') return { header: undefined, generation: current };
      const secret = mode === 'apiKey' ? (apiKey as string) : await currentAccessToken();
      return { header: `Bearer ${secret}`, generation: current };
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
            if (!isPuguhError(cause) || cause.statusCode === undefined || cause.statusCode >= 500)
              throw cause;
            throw new AuthError(`The session could not be refreshed: ${cause.message}`, {
              code: 'refresh_failed',
              statusCode: cause.statusCode,
              requestId: cause.requestId,
              details: { reason: cause.code },
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
    describe: () =>
      mode === 'apiKey'
        ? `api key ${(apiKey as string).slice(0, 8)}…[redacted]`
        : mode === 'user'
          ? 'user access token [redacted]'
          : 'none',
  };
}
