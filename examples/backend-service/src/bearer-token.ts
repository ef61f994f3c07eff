/**
 * A bearer credential is one run of visible ASCII: the same rule the SDK applies to tokens, so a
 * value that passes here never turns into a `TypeError` (a 400) inside the SDK.
 */
const BEARER = /^Bearer ([\x21-\x7e]+)$/i;

/**
 * Reads the caller's access token from an `Authorization: Bearer <token>` header.
 *
 * @param authorization The header value, or `undefined` when the request had none.
 *
 * @returns The token, or `undefined` when the header is missing or is not a single bearer token.
 *
 * @example
 * ```ts
 * readBearerToken('Bearer eyJhbGciOi…'); // 'eyJhbGciOi…'
 * readBearerToken('Basic dXNlcjpwYXNz'); // undefined
 * ```
 */
export function readBearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : BEARER.exec(authorization.trim())?.[1];
}
