/**
 * A PUGUH user account.
 *
 * @public
 */
export interface User {
  /** Opaque user id (`usr_…`). */
  readonly userId: string;
  /** The login e-mail address. */
  readonly email: string;
  /** Display name. */
  readonly fullName: string;
  /** ISO 8601 timestamp (kept as a string: serialisable, cheap). */
  readonly createdAt: string;
}

/**
 * The tokens of a user session, as returned by `login`, `refreshToken` and `verifyMagicLink`.
 *
 * @public
 */
export interface TokenSet {
  /** Short-lived JWT for `Authorization: Bearer`. */
  readonly accessToken: string;
  /** Opaque, single-use token that obtains the next set; store it safely. */
  readonly refreshToken: string;
  /** Always `Bearer`. */
  readonly tokenType: string;
  /** Seconds until the access token expires, counted from issue. */
  readonly expiresIn: number;
  /** When the access token expires (ISO 8601). */
  readonly expiresAt: string;
  /** The signed-in user. */
  readonly user: User;
}
