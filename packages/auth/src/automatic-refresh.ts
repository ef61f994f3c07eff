import {
  AuthError,
  isPuguhError,
  type RefreshableSession,
  type RefreshStrategy,
  type TokenSet,
} from '@puguh/core';
import { callSafely } from '@puguh/core/internal';
import { refreshToken } from './refresh-token';

/**
 * The SDK's automatic refresh for user cores: pass it to `createPuguhCore` as `refresh` with
 * `accessToken` + `refreshToken` (`PuguhClient` does this for you). A 401 on a call sent with a user
 * token then exchanges the refresh token once, however many calls failed at once, and every one of
 * them replays once with the new access token.
 *
 * - The exchange goes through the root core: its lifecycle and timeout, no tenant context, even
 *   when a `withContext` core saw the 401.
 * - A 4xx from the refresh endpoint ends the session: every waiter rejects with `AuthError`
 *   `refresh_failed`. A network error or 5xx is not a verdict on the session: it passes through
 *   unchanged and the next 401 tries again with the same refresh token.
 * - `onTokens` is told of each new set and never awaited: the replay goes ahead at once, and an
 *   `onTokens` that throws or rejects is reported to the logger (`warn`, else `debug`).
 *
 * @returns The strategy; one value may serve many cores (each gets its own session).
 *
 * @example
 * ```ts
 * import { createPuguhCore } from '@puguh/core';
 * import { automaticRefresh } from '@puguh/auth';
 *
 * const core = createPuguhCore({
 *   baseUrl: 'https://api-puguh.arsaka.io',
 *   accessToken: stored.accessToken,
 *   refreshToken: stored.refreshToken,
 *   refresh: automaticRefresh(),
 *   onTokens: (tokens) => save(tokens),
 * });
 * ```
 *
 * @public
 */
export function automaticRefresh(): RefreshStrategy {
  return { start: startRefreshing };
}

function startRefreshing(session: RefreshableSession): (generation: number) => Promise<void> {
  let current = session.refreshToken;
  // One idempotency key per refresh token: when an exchange's answer is lost and the next 401
  // tries again, the server replays its first answer instead of seeing the spent token reused
  // (which revokes the whole session).
  let idempotencyKey = crypto.randomUUID();
  let inFlight: Promise<void> | undefined;

  const exchange = async () => {
    let tokens: TokenSet;
    try {
      tokens = await refreshToken(session.core, { refreshToken: current }, { idempotencyKey });
    } catch (cause) {
      if (!isVerdictOnSession(cause)) throw cause;
      throw new AuthError(`The session could not be refreshed: ${(cause as Error).message}`, {
        code: 'refresh_failed',
        statusCode: (cause as AuthError).statusCode,
        requestId: (cause as AuthError).requestId,
        details: { reason: (cause as AuthError).code },
      });
    }
    try {
      session.replace(tokens);
    } catch {
      throw new AuthError('The session could not be refreshed: the new access token is unusable', {
        code: 'refresh_failed',
        details: { reason: 'invalid_access_token' },
      });
    }
    current = tokens.refreshToken;
    idempotencyKey = crypto.randomUUID();
    if (session.onTokens) callSafely(session.logger, 'onTokens', session.onTokens, tokens);
  };

  // Single flight: the first call whose token is current starts the exchange, later ones share it,
  // and a call whose 401 came from an older token just replays with the newer one.
  return (generation) => {
    if (generation !== session.generation()) return Promise.resolve();
    inFlight ??= exchange().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

/**
 * Whether a failed exchange says the session is over: a 4xx answer, except 408 and 429, which are
 * about the moment, not the token. Network errors, 5xx and unreadable answers are not verdicts: the
 * next 401 tries again with the same refresh token.
 */
function isVerdictOnSession(error: unknown): boolean {
  const status = isPuguhError(error) ? error.statusCode : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
}
