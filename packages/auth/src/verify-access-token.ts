import { AuthError, getCoreFetch, NetworkError, type PuguhCore, type PuguhError } from '@puguh/core';
import { createRemoteJWKSet, customFetch } from 'jose/jwks/remote';
import { jwtVerify } from 'jose/jwt/verify';
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
 * @param core The core whose `baseUrl` (and `fetch`) locate the JWKS; it needs no credential.
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
 * import { createPuguhCore } from '@puguh/core';
 * import { verifyAccessToken } from '@puguh/auth';
 *
 * const core = createPuguhCore({ baseUrl: 'https://api-puguh.arsaka.io' });
 * export default {
 *   async fetch(request: Request) {
 *     const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
 *     try {
 *       const claims = await verifyAccessToken(core, token);
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
  core: PuguhCore,
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
  const fetch = getCoreFetch(core);
  const url = `${core.baseUrl}/.well-known/jwks.json`;
  let perFetch = keySets.get(fetch);
  if (!perFetch) keySets.set(fetch, (perFetch = new Map()));
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
      issuer: options.issuer ?? new URL(core.baseUrl).origin,
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
  const { code, claim, reason } = (error ?? {}) as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new AuthError('The access token has expired', { code: 'token_expired' });
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf' || (claim === 'iat' && reason === 'check_failed')) {
        return new AuthError('The access token is not valid yet', {
          code: 'token_not_yet_valid',
          details: { claim },
        });
      }
      return new AuthError(`The access token's "${claim}" claim is not acceptable`, {
        code: 'token_invalid',
        details: { reason: 'claim', claim },
      });
    case 'ERR_JWKS_TIMEOUT':
      return new NetworkError('Fetching the JWKS timed out', { code: 'timeout', cause: error });
    case 'ERR_JWKS_INVALID':
    case 'ERR_JOSE_GENERIC':
      return new NetworkError('The JWKS endpoint did not return a usable key set', {
        code: 'jwks_invalid',
        cause: error,
      });
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new AuthError('The access token signature is not valid', {
        code: 'token_invalid',
        details: { reason: 'signature' },
      });
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new AuthError('No key of the JWKS matches the access token', {
        code: 'token_invalid',
        details: { reason: 'key' },
      });
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new AuthError('The access token uses an algorithm or extension PUGUH does not accept', {
        code: 'token_invalid',
        details: { reason: 'algorithm' },
      });
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new AuthError('The access token is not a well-formed JWT', {
        code: 'token_invalid',
        details: { reason: 'format' },
      });
    default:
      if (code?.startsWith('ERR_JW') || code?.startsWith('ERR_JOSE')) {
        return new AuthError('The access token is not valid', {
          code: 'token_invalid',
          details: { reason: 'other' },
        });
      }
      // Anything else came from fetching the key set (fetch's own TypeError, an abort, …).
      return new NetworkError('Could not fetch the JWKS', { code: 'connection_failed', cause: error });
  }
}
