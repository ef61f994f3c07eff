import type { TokenSet, User } from '@puguh/core';
import * as v from 'valibot';

// The test helpers' own reading of the two auth answers they need (`@puguh/auth` owns the SDK's;
// the test support cannot depend on it, since auth's tests depend on the test support).
const WireUser = v.object({
  user_id: v.string(),
  email: v.string(),
  full_name: v.string(),
  created_at: v.string(),
});
const toUser = (wire: v.InferOutput<typeof WireUser>): User => ({
  userId: wire.user_id,
  email: wire.email,
  fullName: wire.full_name,
  createdAt: wire.created_at,
});

/** A registered user, as `POST v1/auth/register` answers. */
export const RegisteredUser: v.GenericSchema<unknown, User> = v.pipe(WireUser, v.transform(toUser));

/** A token set, as `POST v1/auth/login` answers. */
export const LoginAnswer: v.GenericSchema<unknown, TokenSet> = v.pipe(
  v.object({
    access_token: v.string(),
    refresh_token: v.string(),
    token_type: v.string(),
    expires_in: v.number(),
    expires_at: v.string(),
    user: WireUser,
  }),
  v.transform(({ user, ...wire }) => ({
    accessToken: wire.access_token,
    refreshToken: wire.refresh_token,
    tokenType: wire.token_type,
    expiresIn: wire.expires_in,
    expiresAt: wire.expires_at,
    user: toUser(user),
  })),
);
