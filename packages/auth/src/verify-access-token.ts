import { AuthError, NetworkError, type PuguhEndpoint, type PuguhError } from '@puguh/core';
import { getCoreEndpoint } from '@puguh/core/internal';
import type { createRemoteJWKSet } from 'jose/jwks/remote';
import { loadJose } from '#jose-loader';
import { type AccessTokenClaims, toAccessTokenClaims } from './access-token-claims';

/**
 * Options of {@link verifyAccessToken}. Durations in milliseconds.
 *
 * @public
 */
export interface VerifyAccessTokenOptions {
  /** Accepted audience(s). Default `puguh`. */
  readonly audience?: string | readonly string[] | undefined;
  /** Expected issuer. Default: the origin of the core's `baseUrl`. */
  readonly issuer?: string | undefined;
  /** Leeway for `exp`, `nbf` and `iat` against clock skew, 0–300 000. Default 5 000. */
  readonly clockTolerance?: number | undefined;
  /** Tokens longer than this are refused before any decoding or key lookup. Default 16 384 characters. */
  readonly maxTokenLength?: number | undefined;
  /** Timeout of a JWKS fetch. Default 5 000. */
  readonly jwksTimeout?: number | undefined;
}

/** Algorithms PUGUH signs with. Anything else — `none`, HMAC, PS256 — is refused. */
const ALGORITHMS = ['ES256', 'RS256'];
/** No refetch for an unknown `kid` within this window: a flood of random kids costs one fetch. */
const COOLDOWN_MS = 30_000;
/** Keys are refetched after this age, so a removed key stops verifying. */
const CACHE_MAX_AGE_MS = 600_000;

type KeySet = ReturnType<typeof createRemoteJWKSet>;
// Key sets cached per fetch implementation, then per JWKS URL and timeout: many cores (and many
// concurrent cold calls) for one API share one key set, so they share its single in-flight fetch.
const keySets = /* @__PURE__ */ new WeakMap<object, Map<string, KeySet>>();

/**
 * Verifies a PUGUH access token locally against the API's JWKS (`{baseUrl}/.well-known/jwks.json`)
 * and returns its claims. This is what an edge function does on every request: no call to PUGUH
 * except a cached key-set fetch.
 *
 * Checks: the signature with a key from the JWKS (never a key named in the token: `jku`, `jwk`,
 * `x5u` are ignored), the algorithm (ES256 or RS256 only), `typ: JWT`, issuer, audience, `exp`,
 * `nbf` and `iat` with a small clock tolerance, the required claims, unknown `crit` extensions,
 * and a length cap checked before anything else. The key set is fetched once for many concurrent
 * cold calls, cached for 10 minutes, and an unknown `kid` refetches it at most once per 30 s.
 *
 * Exported from `@puguh/auth`; `client.auth.verifyAccessToken()` on `PuguhClient`. Importing only
 * this function keeps ky and every other PUGUH call out of the bundle.
 *
 * @param core The core whose `baseUrl` (and `fetch`) locate the JWKS; it needs no credential. A plain
 *   `{ baseUrl }` works too (validated the same way), which keeps `createPuguhCore` — and so the
 *   rest of core — out of an edge bundle.
 * @param token The compact JWT, e.g. from `Authorization: Bearer <token>`.
 * @param options Audience, issuer, clock tolerance and limits.
 *
 * @returns The verified claims.
 *
 * @throws {@link AuthError} when the token is not valid: code `token_expired`, `token_not_yet_valid`
 *   or `token_invalid` (with `details.reason`). {@link NetworkError} when the JWKS cannot be fetched
 *   or is unusable (`timeout`, `connection_failed`, `jwks_invalid`): the token is not blamed.
 *   `RangeError` for out-of-range options.
 *
 * @example
 * ```ts
 * import { verifyAccessToken } from '@puguh/auth';
 *
 * const puguh = { baseUrl: 'https://api-puguh.arsaka.io' }; // or a core from createPuguhCore()
 * export default {
 *   async fetch(request: Request) {
 *     const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
 *     try {
 *       const claims = await verifyAccessToken(puguh, token);
 *       return Response.json({ user: claims.sub, roles: claims.roles });
 *     } catch {
 *       return new Response('Unauthorized', { status: 401 });
 *     }
 *   },
 * };
 * ```
 *
 * @public
 */
export async function verifyAccessToken(
  core: PuguhEndpoint,
  token: string,
  options: VerifyAccessTokenOptions = {},
): Promise<AccessTokenClaims> {
  const clockTolerance = milliseconds('clockTolerance', options.clockTolerance, 5_000, 300_000);
  const maxTokenLength = milliseconds('maxTokenLength', options.maxTokenLength, 16_384, 1_048_576);
  const jwksTimeout = milliseconds('jwksTimeout', options.jwksTimeout, 5_000, 60_000);
  if (typeof token !== 'string' || token === '') {
    throw new AuthError('No access token was given', {
      code: 'token_invalid',
      details: { reason: 'missing' },
    });
  }
  if (token.length > maxTokenLength) {
    throw new AuthError(`The access token is longer than ${maxTokenLength} characters`, {
      code: 'token_invalid',
      details: { reason: 'too_large' },
    });
  }
  const { baseUrl, fetch } = getCoreEndpoint(core);
  // Loaded on the first verification; after that no await is spent on it.
  const loaded = loadJose();
  const { createRemoteJWKSet, customFetch, jwtVerify } = loaded instanceof Promise ? await loaded : loaded;
  const url = `${baseUrl}/.well-known/jwks.json`;
  const perFetch = keySets.get(fetch) ?? new Map<string, KeySet>();
  keySets.set(fetch, perFetch);
  const cacheKey = `${jwksTimeout} ${url}`;
  let keySet = perFetch.get(cacheKey);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url), {
      cooldownDuration: COOLDOWN_MS,
      cacheMaxAge: CACHE_MAX_AGE_MS,
      timeoutDuration: jwksTimeout,
      [customFetch]: fetch,
    });
    perFetch.set(cacheKey, keySet);
  }
  try {
    const { payload } = await jwtVerify(token, keySet, {
      algorithms: ALGORITHMS,
      typ: 'JWT',
      issuer: options.issuer ?? new URL(baseUrl).origin,
      audience: (options.audience ?? 'puguh') as string | string[],
      clockTolerance: clockTolerance / 1000,
      // Bounds `iat`: jose rejects an `iat` in the future only when a maximum age is set.
      maxTokenAge: '1 day',
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    return toAccessTokenClaims(payload);
  } catch (error) {
    throw toPuguhError(error);
  }
}

function milliseconds(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= max))
    throw new RangeError(`${name} must be from 0 to ${max}`);
  return value;
}

/**
 * jose's errors never escape: token problems become {@link AuthError}, key-set problems
 * {@link NetworkError}. jose's claim errors carry the whole payload, so they are not kept as `cause`.
 */
function toPuguhError(error: unknown): PuguhError {
  if (error instanceof AuthError) return error;
  const { code = '', claim, reason } = (error ?? {}) as { code?: string; claim?: string; reason?: string };
  const invalid = (why: string, details: Record<string, unknown>) =>
    new AuthError(`The access token is not valid: ${why}`, { code: 'token_invalid', details });
  if (code === 'ERR_JWT_EXPIRED')
    return new AuthError('The access token has expired', { code: 'token_expired' });
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    return claim === 'nbf' || claim === 'iat'
      ? new AuthError('The access token is not valid yet', {
          code: 'token_not_yet_valid',
          details: { claim },
        })
      : invalid(`"${claim}" ${reason === 'missing' ? 'is missing' : 'is not acceptable'}`, {
          reason: 'claim',
          claim,
        });
  }
  if (code === 'ERR_JWKS_TIMEOUT')
    return new NetworkError('Fetching the JWKS timed out', { code: 'timeout', cause: error });
  if (code === 'ERR_JWKS_INVALID' || code === 'ERR_JOSE_GENERIC') {
    return new NetworkError('The JWKS endpoint returned no usable key set', {
      code: 'jwks_invalid',
      cause: error,
    });
  }
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
    return invalid('bad signature', { reason: 'signature' });
  if (code.startsWith('ERR_JWKS_')) return invalid('no matching key in the JWKS', { reason: 'key' });
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JOSE_NOT_SUPPORTED') {
    return invalid('algorithm or extension not accepted', { reason: 'algorithm' });
  }
  if (code.startsWith('ERR_J')) return invalid('malformed', { reason: 'format' });
  // Anything else came from fetching the key set (fetch's own TypeError, an abort, …).
  return new NetworkError('Could not fetch the JWKS', { code: 'connection_failed', cause: error });
}
