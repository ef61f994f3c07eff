import type { TokenSet, User } from '@puguh/core';
import { WholeNumberSchema } from '@puguh/core/internal';
import * as v from 'valibot';

interface WireUser {
  user_id: string;
  email: string;
  full_name: string;
  created_at: string;
}

interface WireTokenSet {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  expires_at: string;
  user: WireUser;
}

const WireUserObject = /* @__PURE__ */ (() =>
  v.object({
    user_id: v.string(),
    email: v.string(),
    full_name: v.string(),
    created_at: v.string(),
  }))();

const toUser = (wire: WireUser): User => ({
  userId: wire.user_id,
  email: wire.email,
  fullName: wire.full_name,
  createdAt: wire.created_at,
});

/**
 * Validates a user from the wire and converts it to {@link User}.
 *
 * @example
 * ```ts
 * const user = await sendRequest(core, { method: 'POST', path: 'v1/auth/register', body, schema: UserSchema });
 * ```
 *
 * @internal
 */
export const UserSchema: v.GenericSchema<WireUser, User> = /* @__PURE__ */ (() =>
  v.pipe(WireUserObject, v.transform(toUser)))();

/**
 * Validates a token set from the wire and converts it to {@link TokenSet}.
 *
 * @example
 * ```ts
 * const tokens = await sendRequest(core, { method: 'POST', path: 'v1/auth/login', body, schema: TokenSetSchema, authenticate: false });
 * ```
 *
 * @internal
 */
export const TokenSetSchema: v.GenericSchema<WireTokenSet, TokenSet> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      access_token: v.string(),
      refresh_token: v.string(),
      token_type: v.string(),
      expires_in: WholeNumberSchema,
      expires_at: v.string(),
      user: WireUserObject,
    }),
    v.transform(
      (wire): TokenSet => ({
        accessToken: wire.access_token,
        refreshToken: wire.refresh_token,
        tokenType: wire.token_type,
        expiresIn: wire.expires_in,
        expiresAt: wire.expires_at,
        user: toUser(wire.user),
      }),
    ),
  ))();
