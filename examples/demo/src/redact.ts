/**
 * Shows enough of a prefixed opaque secret (`rt_…` refresh tokens, `ml_…` magic-link tokens) to
 * tell two apart, never the secret itself: the prefix and four characters. Anything without such
 * a prefix — an access token (JWT), say — is hidden completely. The demo never passes the API key
 * here: it prints no part of it.
 *
 * @param secret A prefixed opaque token.
 *
 * @returns The redacted form, e.g. `rt_x7Qa…`.
 *
 * @example
 * ```ts
 * say(`refresh token rotated ${redact(old.refreshToken)} → ${redact(rotated.refreshToken)}`);
 * ```
 */
export function redact(secret: string): string {
  const prefix = /^[a-z]{1,8}_/.exec(secret)?.[0];
  return prefix === undefined ? '[hidden]' : `${secret.slice(0, prefix.length + 4)}…`;
}
