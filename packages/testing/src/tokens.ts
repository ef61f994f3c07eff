import { errors, exportJWK, generateKeyPair, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { ApiError } from './errors';

/**
 * The claims of an access token the local API issues.
 *
 * @public
 */
export interface AccessTokenClaims {
  /** The origin the token was issued at, e.g. `http://127.0.0.1:4010`. */
  readonly iss: string;
  /** Always `puguh`. */
  readonly aud: string;
  /** The user id. */
  readonly sub: string;
  readonly email: string;
  /** `['user']`, plus the organization role when `org_id` is set. */
  readonly roles: readonly string[];
  readonly org_id?: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly jti: string;
}

/**
 * Overrides for {@link PuguhServer.signAccessToken}: any claim, plus extra ones.
 *
 * @public
 */
export type AccessTokenOverrides = Partial<AccessTokenClaims> & Readonly<Record<string, unknown>>;

/**
 * One signing key: its id, the private key and the public JWK published in the JWKS.
 *
 * @example
 * ```ts
 * const { kid, publicJwk } = await keys.current();
 * ```
 *
 * @internal
 */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/**
 * The server's ES256 signing keys. Rotation adds a key and makes it current; older keys stay in the
 * JWKS so tokens they signed keep verifying until they expire.
 *
 * @example
 * ```ts
 * const kid = keys.rotate();
 * (await keys.all()).length; // one more than before
 * ```
 *
 * @internal
 */
export interface KeyRing {
  /** Generates a new current key and returns its `kid`. */
  rotate(): string;
  /** The key new tokens are signed with. */
  current(): Promise<SigningKey>;
  /** Every key, oldest first. */
  all(): Promise<SigningKey[]>;
}

/**
 * Creates a key ring. Key generation is async (WebCrypto), so keys are promises that requests
 * await and `rotate()` can stay synchronous. The first key is made on first use, not here: workerd
 * refuses crypto at a module's top level, where a test may well create its server.
 *
 * @param nextKid Returns the `kid` of each new key.
 *
 * @returns The key ring.
 *
 * @example
 * ```ts
 * const keys = createKeyRing(() => random.id('key'));
 * const kid = keys.rotate();
 * ```
 *
 * @internal
 */
export function createKeyRing(nextKid: () => string): KeyRing {
  const keys: Promise<SigningKey>[] = [];
  const generate = (kid: string): Promise<SigningKey> =>
    generateKeyPair('ES256', { extractable: true }).then(async ({ privateKey, publicKey }) => {
      const jwk = await exportJWK(publicKey);
      return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, alg: 'ES256', use: 'sig' } };
    });
  const ring: KeyRing = {
    rotate() {
      const kid = nextKid();
      const key = generate(kid);
      key.catch(() => undefined); // surfaced when awaited; never an unhandled rejection
      keys.push(key);
      return kid;
    },
    current() {
      if (keys.length === 0) ring.rotate();
      return keys[keys.length - 1]!;
    },
    all() {
      if (keys.length === 0) ring.rotate();
      return Promise.all(keys);
    },
  };
  return ring;
}

/**
 * Signs an access token with the current key: header `{alg: 'ES256', typ: 'JWT', kid}`.
 *
 * @param keys The key ring.
 * @param claims The complete claims.
 *
 * @returns The compact JWT.
 *
 * @example
 * ```ts
 * const jwt = await signToken(keys, { iss, aud: 'puguh', sub, email, roles: ['user'], iat, nbf, exp, jti });
 * ```
 *
 * @internal
 */
export async function signToken(keys: KeyRing, claims: Readonly<Record<string, unknown>>): Promise<string> {
  const key = await keys.current();
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
    .sign(key.privateKey);
}

/**
 * Verifies an access token: ES256 with a known `kid`, `typ: JWT`, `aud: puguh`, `exp` and `nbf`
 * at the server's clock. `iss` is not checked: the same server answers on several origins
 * (in-process and on a port), and each token names the one it was issued at.
 *
 * @param keys The key ring.
 * @param token The compact JWT.
 * @param nowMs The server's current time.
 *
 * @returns The verified claims.
 *
 * @throws {@link ApiError} `401 token_expired` for an expired token, `401 invalid_token` otherwise.
 *
 * @example
 * ```ts
 * const claims = await verifyToken(keys, bearer, Date.now());
 * ```
 *
 * @internal
 */
export async function verifyToken(keys: KeyRing, token: string, nowMs: number): Promise<AccessTokenClaims> {
  const known = await keys.all();
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = known.find((candidate) => candidate.kid === header.kid);
        if (key === undefined) throw new errors.JWKSNoMatchingKey();
        return key.publicKey;
      },
      {
        algorithms: ['ES256'],
        audience: 'puguh',
        typ: 'JWT',
        currentDate: new Date(nowMs),
        requiredClaims: ['sub', 'exp', 'iat'],
      },
    );
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) {
      throw new ApiError(401, 'invalid_token', 'The access token is missing required claims.');
    }
    return payload as unknown as AccessTokenClaims;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new ApiError(401, 'token_expired', 'The access token has expired.');
    throw new ApiError(401, 'invalid_token', 'The access token is invalid.');
  }
}
