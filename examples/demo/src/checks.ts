import { isPuguhError } from '@puguh/sdk';
import { UnexpectedResult } from './tour';

/**
 * Runs `call` and returns the error it fails with, checking that it is an instance of `type`
 * (and has `code`, when given). A call that succeeds, or fails differently, is an
 * `UnexpectedResult`. Errors thrown synchronously count as well as rejections.
 *
 * @param type The error class the call must fail with.
 * @param call The call.
 * @param code The `code` the error must carry.
 *
 * @returns The error.
 *
 * @example
 * ```ts
 * const error = await expectError(AuthError, () => service.auth.login(ADA), 'mfa_required');
 * ```
 */
export async function expectError<E extends Error>(
  type: abstract new (...args: never[]) => E,
  call: () => Promise<unknown>,
  code?: string,
): Promise<E> {
  const wanted = code === undefined ? type.name : `${type.name} ${code}`;
  let error: unknown;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new UnexpectedResult(`expected ${wanted}, but the call succeeded`);
  const actualCode = isPuguhError(error) ? error.code : undefined;
  if (!(error instanceof type) || (code !== undefined && actualCode !== code)) {
    const actual =
      error instanceof Error
        ? `${error.name}${actualCode ? ` ${actualCode}` : ''}: ${error.message}`
        : String(error);
    throw new UnexpectedResult(`expected ${wanted}, got ${actual}`);
  }
  return error;
}

/**
 * Throws an `UnexpectedResult` with `message` unless `condition` holds.
 *
 * @param condition What the demo expects.
 * @param message What went wrong otherwise.
 *
 * @example
 * ```ts
 * check(rotated.refreshToken !== tokens.refreshToken, 'refreshing returned the same refresh token');
 * ```
 */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new UnexpectedResult(message);
}
