import { AuthError } from '@puguh/core';
import { decodeJwt } from 'jose/jwt/decode';
import { type AccessTokenClaims, toAccessTokenClaims } from './access-token-claims';

/**
 * Reads the claims of an access token **without verifying it**.
 *
 * Nothing here checks the signature, the issuer, the audience or the expiry: anyone can write a
 * token that decodes. Use it only to read claims of a token you already trust — one you just
 * received from `login` over TLS, say, to show the user's e-mail. To decide whether a caller is
 * who they claim, use {@link verifyAccessToken}.
 *
 * Synchronous; no core, no network. Exported from `@puguh/auth`.
 *
 * @param token A compact JWT.
 *
 * @returns The claims, unverified.
 *
 * @throws {@link AuthError} with code `token_invalid` when the token is not a well-formed PUGUH
 *   access token.
 *
 * @example
 * ```ts
 * const tokens = await login(core, { email, password });
 * const { email: signedInAs, roles } = decodeAccessToken(tokens.accessToken); // trusted source
 * ```
 *
 * @public
 */
export function decodeAccessToken(token: string): AccessTokenClaims {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(String(token));
  } catch {
    throw new AuthError('The access token is not a well-formed JWT', {
      code: 'token_invalid',
      details: { reason: 'format' },
    });
  }
  return toAccessTokenClaims(payload);
}
