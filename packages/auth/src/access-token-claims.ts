import { AuthError } from '@puguh/core';

/**
 * The claims of a PUGUH access token.
 *
 * @public
 */
export interface AccessTokenClaims {
  /** The user id (`usr_…`). */
  readonly sub: string;
  /** The user's e-mail address. */
  readonly email: string;
  /** Roles: `user`, plus the organization role when the token is scoped to `orgId`. */
  readonly roles: readonly string[];
  /** The organization the token is scoped to, when it is. */
  readonly orgId?: string;
  /** Issuer: the PUGUH API origin. */
  readonly iss: string;
  /** Audience: `puguh`. */
  readonly aud: string | readonly string[];
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
  /** Issue time, seconds since the epoch. */
  readonly iat: number;
  /** Not-before time, seconds since the epoch, when set. */
  readonly nbf?: number;
  /** Token id, when set. */
  readonly jti?: string;
}

/**
 * Reads PUGUH's claims from a decoded payload, or throws `AuthError(token_invalid)` when a claim
 * the type promises is missing or mistyped. Hand-written rather than a valibot schema: this code
 * ships in edge bundles, where every byte counts.
 */
export function toAccessTokenClaims(payload: Record<string, unknown>): AccessTokenClaims {
  const { sub, email, roles, org_id: orgId, iss, aud, exp, iat, nbf, jti } = payload;
  const isString = (value: unknown): value is string => typeof value === 'string';
  const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  if (
    !isString(sub) ||
    sub === '' ||
    !isString(email) ||
    !Array.isArray(roles) ||
    !roles.every(isString) ||
    !isString(iss) ||
    !(isString(aud) || (Array.isArray(aud) && aud.every(isString))) ||
    !isNumber(exp) ||
    !isNumber(iat) ||
    (orgId !== undefined && !isString(orgId)) ||
    (nbf !== undefined && !isNumber(nbf)) ||
    (jti !== undefined && !isString(jti))
  ) {
    throw new AuthError('The access token does not carry the claims of a PUGUH access token', {
      code: 'token_invalid',
      details: { reason: 'claims' },
    });
  }
  return {
    sub,
    email,
    roles,
    iss,
    aud,
    exp,
    iat,
    ...(orgId === undefined ? {} : { orgId }),
    ...(nbf === undefined ? {} : { nbf }),
    ...(jti === undefined ? {} : { jti }),
  };
}
