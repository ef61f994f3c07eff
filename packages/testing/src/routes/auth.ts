import type { Hono } from 'hono';
import * as v from 'valibot';
import { ApiError } from '../errors';
import { hashPassword, verifyPassword } from '../passwords';
import { issueTokenSet } from '../sessions';
import { type AppEnv, iso, type ServerState } from '../state';
import { normalizeEmail, type UserRecord } from '../store';
import { verifyToken } from '../tokens';
import { emailField, nameField, newPasswordField, readBody, tokenField } from '../validation';
import { userWire } from '../wire';
import { checkSecondFactor } from './mfa';

const loginEmailField = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.minLength(1, 'must not be empty'),
);

/**
 * Registers the account routes: register, login, refresh, validate and magic links.
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * authRoutes(app, state);
 * ```
 *
 * @internal
 */
export function authRoutes(app: Hono<AppEnv>, state: ServerState): void {
  const { store } = state;

  app.post('/v1/auth/register', async (c) => {
    const body = readBody(
      c,
      v.object({ email: emailField, password: newPasswordField, full_name: nameField }),
    );
    if (store.userIdsByEmail.has(body.email)) throw emailTaken(body.email);
    const user = await createUser(state, {
      email: body.email,
      password: body.password,
      fullName: body.full_name,
    });
    return c.json(userWire(user), 201);
  });

  app.post('/v1/auth/login', async (c) => {
    const body = readBody(
      c,
      v.object({ email: loginEmailField, password: tokenField, mfa_code: v.optional(tokenField) }),
    );
    const user = lookupUser(state, body.email);
    // Derive a hash even for an unknown email: the answer and its timing reveal nothing.
    if (!(await verifyPassword(body.password, user?.password)) || user === undefined) {
      throw new ApiError(401, 'invalid_credentials', 'The email or password is incorrect.');
    }
    if (user.mfaSecret !== undefined) {
      if (body.mfa_code === undefined) {
        throw new ApiError(
          401,
          'mfa_required',
          'This account uses MFA: send mfa_code (a TOTP or recovery code).',
        );
      }
      if (!(await checkSecondFactor(state, user, body.mfa_code))) {
        throw new ApiError(401, 'invalid_mfa_code', 'The MFA code is not valid.');
      }
    }
    return c.json(await issueTokenSet(c, state, user));
  });

  app.post('/v1/auth/refresh', async (c) => {
    const body = readBody(c, v.object({ refresh_token: tokenField }));
    const record = store.refreshTokens.get(body.refresh_token);
    if (record === undefined || record.expiresAt <= state.now()) {
      throw new ApiError(401, 'invalid_refresh_token', 'The refresh token is unknown or expired.');
    }
    if (record.used) {
      // A used token presented again means it leaked: end the whole session family.
      store.revokedFamilies.add(record.familyId);
      throw new ApiError(
        401,
        'refresh_token_reused',
        'The refresh token was already used; its session is revoked.',
      );
    }
    const user = store.users.get(record.userId);
    if (store.revokedFamilies.has(record.familyId) || user === undefined) {
      throw new ApiError(401, 'invalid_refresh_token', 'The refresh token has been revoked.');
    }
    record.used = true;
    return c.json(await issueTokenSet(c, state, user, record.familyId));
  });

  app.post('/v1/auth/validate', async (c) => {
    const body = readBody(c, v.object({ token: tokenField }));
    const claims = await verifyToken(state.keys, body.token, state.now());
    const user = store.users.get(claims.sub);
    if (user === undefined) throw new ApiError(401, 'invalid_token', 'The access token names no user.');
    return c.json({
      user_id: user.id,
      email: user.email,
      full_name: user.fullName,
      roles: claims.roles,
      organization_id: claims.org_id ?? null,
      expires_at: iso(claims.exp * 1000),
    });
  });

  app.post('/v1/auth/magic-link', async (c) => {
    const body = readBody(c, v.object({ email: emailField }));
    const user = lookupUser(state, body.email);
    if (user !== undefined) {
      const token = state.random.secretToken('ml');
      store.magicLinks.set(token, {
        userId: user.id,
        expiresAt: state.now() + state.magicLinkTtlSeconds * 1000,
        used: false,
      });
      state.outbox.send({
        to: user.email,
        kind: 'magic_link',
        token,
        link: `${new URL(c.req.url).origin}/magic-link?token=${encodeURIComponent(token)}`,
        sentAt: iso(state.now()),
      });
    }
    // 204 either way: the answer must not reveal whether the email is registered.
    return c.body(null, 204);
  });

  app.post('/v1/auth/magic-link/verify', async (c) => {
    const body = readBody(c, v.object({ token: tokenField }));
    const record = store.magicLinks.get(body.token);
    const user = record === undefined ? undefined : store.users.get(record.userId);
    if (record === undefined || record.used || record.expiresAt <= state.now() || user === undefined) {
      throw new ApiError(401, 'invalid_magic_link', 'The magic link is unknown, used or expired.');
    }
    record.used = true;
    return c.json(await issueTokenSet(c, state, user));
  });
}

/**
 * Creates a user (hashing the password) and turns their pending invitations into memberships.
 *
 * @param state The server state.
 * @param input The email (any case), password and full name.
 *
 * @returns The new user.
 *
 * @throws {@link ApiError} `409 email_taken`.
 *
 * @example
 * ```ts
 * await createUser(state, { email: 'demo@puguh.test', password: 'demo-password', fullName: 'Demo User' });
 * ```
 *
 * @internal
 */
export async function createUser(
  state: Pick<ServerState, 'store' | 'random' | 'now'>,
  input: { readonly email: string; readonly password: string; readonly fullName: string },
): Promise<UserRecord> {
  const email = normalizeEmail(input.email);
  const password = await hashPassword(input.password);
  // Checked again after the await: a concurrent registration may have taken the email meanwhile.
  if (state.store.userIdsByEmail.has(email)) throw emailTaken(email);
  const now = state.now();
  const user: UserRecord = {
    id: state.random.id('usr'),
    email,
    fullName: input.fullName,
    password,
    createdAt: now,
    seq: state.store.nextSeq(),
    mfaSecret: undefined,
    pendingMfaSecret: undefined,
    recoveryCodeHashes: [],
  };
  state.store.users.set(user.id, user);
  state.store.userIdsByEmail.set(email, user.id);
  for (const invitation of state.store.invitations.values()) {
    const members = state.store.memberships.get(invitation.organizationId);
    if (
      invitation.email !== email ||
      invitation.status !== 'pending' ||
      invitation.expiresAt <= now ||
      !members
    )
      continue;
    members.set(user.id, {
      userId: user.id,
      role: invitation.role,
      joinedAt: now,
      seq: state.store.nextSeq(),
    });
    invitation.status = 'accepted';
  }
  return user;
}

function lookupUser(state: ServerState, email: string): UserRecord | undefined {
  const id = state.store.userIdsByEmail.get(normalizeEmail(email));
  return id === undefined ? undefined : state.store.users.get(id);
}

function emailTaken(email: string): ApiError {
  return new ApiError(409, 'email_taken', `An account with ${email} already exists.`);
}
