import type { Context } from 'hono';
import { type AppEnv, iso, type ServerState } from './state';
import type { UserRecord } from './store';
import { signToken } from './tokens';
import { type UserWire, userWire } from './wire';

/**
 * The wire form of `TokenSet`.
 *
 * @example
 * ```ts
 * const tokens: TokenSetWire = await issueTokenSet(c, state, user);
 * ```
 *
 * @internal
 */
export interface TokenSetWire {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly expires_at: string;
  readonly user: UserWire;
}

/** Refresh tokens outlive access tokens by far; 30 days as is common. */
const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Issues a token set: an ES256 access token and a new opaque refresh token in `familyId` (a new
 * family for a fresh login). When the request carries `X-Puguh-Organization-Id` naming an
 * organization the user belongs to, the token gets `org_id` and the role in `roles`.
 *
 * @param c The request context (for the issuer origin and the context header).
 * @param state The server state.
 * @param user The user signing in.
 * @param familyId The refresh-token family to continue; a new one by default.
 *
 * @returns The token set.
 *
 * @example
 * ```ts
 * return c.json(await issueTokenSet(c, state, user));
 * ```
 *
 * @internal
 */
export async function issueTokenSet(
  c: Context<AppEnv>,
  state: ServerState,
  user: UserRecord,
  familyId: string = state.random.id('fam'),
): Promise<TokenSetWire> {
  const now = state.now();
  const refreshToken = state.random.secretToken('rt');
  state.store.refreshTokens.set(refreshToken, {
    userId: user.id,
    familyId,
    expiresAt: now + REFRESH_TTL_MS,
    used: false,
  });
  const organizationId = c.req.header('x-puguh-organization-id');
  const membership =
    organizationId === undefined ? undefined : state.store.memberships.get(organizationId)?.get(user.id);
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + state.accessTokenTtlSeconds;
  const accessToken = await signToken(state.keys, {
    iss: new URL(c.req.url).origin,
    aud: 'puguh',
    sub: user.id,
    email: user.email,
    roles: membership === undefined ? ['user'] : ['user', membership.role],
    ...(membership === undefined ? {} : { org_id: organizationId }),
    iat: issuedAt,
    nbf: issuedAt,
    exp: expiresAt,
    jti: state.random.secretToken('jti'),
  });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'Bearer',
    expires_in: state.accessTokenTtlSeconds,
    expires_at: iso(expiresAt * 1000),
    user: userWire(user),
  };
}
