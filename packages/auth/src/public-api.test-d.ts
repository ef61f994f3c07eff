import type * as core from '@puguh/core';
import type { PuguhCore } from '@puguh/core';
import type * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import type * as auth from './index';
import {
  confirmMfa,
  disableMfa,
  login,
  type MfaConfirmation,
  type MfaSetup,
  refreshToken,
  register,
  requestMagicLink,
  setupMfa,
  type TokenSet,
  type User,
  type UserContext,
  validateToken,
  verifyMagicLink,
} from './index';
import type { MfaConfirmationSchema, MfaSetupSchema } from './schemas/mfa';
import type { UserContextSchema } from './schemas/user-context';

declare const puguh: PuguhCore;

describe('schemas produce exactly the public interfaces', () => {
  test('UserContext, MfaSetup, MfaConfirmation', () => {
    expectTypeOf<v.InferOutput<typeof UserContextSchema>>().toEqualTypeOf<UserContext>();
    expectTypeOf<v.InferOutput<typeof MfaSetupSchema>>().toEqualTypeOf<MfaSetup>();
    expectTypeOf<v.InferOutput<typeof MfaConfirmationSchema>>().toEqualTypeOf<MfaConfirmation>();
  });
});

describe('return types', () => {
  test('are the documented types and never any', () => {
    expectTypeOf(login).returns.resolves.toEqualTypeOf<TokenSet>();
    expectTypeOf(register).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf(refreshToken).returns.resolves.toEqualTypeOf<TokenSet>();
    expectTypeOf(validateToken).returns.resolves.toEqualTypeOf<UserContext>();
    expectTypeOf(requestMagicLink).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(verifyMagicLink).returns.resolves.toEqualTypeOf<TokenSet>();
    expectTypeOf(setupMfa).returns.resolves.toEqualTypeOf<MfaSetup>();
    expectTypeOf(confirmMfa).returns.resolves.toEqualTypeOf<MfaConfirmation>();
    expectTypeOf(disableMfa).returns.resolves.toEqualTypeOf<void>();
    for (const fn of [login, register, refreshToken, validateToken, verifyMagicLink, setupMfa, confirmMfa]) {
      expectTypeOf(fn).returns.resolves.not.toBeAny();
    }
  });

  test('TokenSet and User are the very types of @puguh/core, re-exported as types only', () => {
    expectTypeOf<auth.TokenSet>().toEqualTypeOf<core.TokenSet>();
    expectTypeOf<auth.User>().toEqualTypeOf<core.User>();
    // The schemas stay in core: the auth root does not bind users to valibot.
    expectTypeOf<typeof auth>().not.toHaveProperty('TokenSetSchema');
    expectTypeOf<typeof auth>().not.toHaveProperty('UserSchema');
  });

  test('MfaConfirmation is { recoveryCodes }', () => {
    expectTypeOf<MfaConfirmation>().toEqualTypeOf<{ readonly recoveryCodes: readonly string[] }>();
  });
});

describe('UserContext', () => {
  test('organizationId is optional, never an explicit undefined', () => {
    expectTypeOf<UserContext['organizationId']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error exactOptionalPropertyTypes: the key is omitted, not set to undefined.
    const context: UserContext = {
      userId: 'u',
      email: 'e',
      fullName: 'f',
      roles: [],
      expiresAt: 't',
      organizationId: undefined,
    };
    expectTypeOf(context.roles).toEqualTypeOf<readonly string[]>();
  });
});

describe('inputs', () => {
  test('take the documented object parameters and RequestOptions last', () => {
    expectTypeOf(login).parameter(1).toEqualTypeOf<auth.LoginInput>();
    expectTypeOf(login).parameter(2).toEqualTypeOf<core.RequestOptions | undefined>();
    expectTypeOf(setupMfa).parameter(1).toEqualTypeOf<core.RequestOptions | undefined>();
    login(puguh, { email: 'a@b.co', password: 'p' });
    login(
      puguh,
      { email: 'a@b.co', password: 'p', mfaCode: '123456' },
      { signal: AbortSignal.timeout(1_000) },
    );
    register(puguh, { email: 'a@b.co', password: 'p', fullName: 'A' });
    refreshToken(puguh, { refreshToken: 'rt_1' });
    validateToken(puguh, { token: 'jwt' });
    requestMagicLink(puguh, { email: 'a@b.co' });
    verifyMagicLink(puguh, { token: 'ml_1' });
    setupMfa(puguh);
    confirmMfa(puguh, { code: '123456' });
    disableMfa(puguh);
    disableMfa(puguh, { code: '123456' });
  });

  test('reject missing or misspelled fields', () => {
    // @ts-expect-error password is required
    login(puguh, { email: 'a@b.co' });
    // @ts-expect-error mfaCode cannot be explicitly undefined under exactOptionalPropertyTypes
    login(puguh, { email: 'a@b.co', password: 'p', mfaCode: undefined });
    // @ts-expect-error fullName, not full_name
    register(puguh, { email: 'a@b.co', password: 'p', full_name: 'A' });
    // @ts-expect-error refreshToken takes an object, as Python's keyword arguments
    refreshToken(puguh, 'rt_1');
    // @ts-expect-error code is required
    confirmMfa(puguh, {});
  });
});
