/**
 * Checks an MFA code input before any request. Two forms are accepted:
 * - a TOTP code: exactly 6 digits, as an authenticator app shows it;
 * - a recovery code: any other non-empty string without whitespace, sent as it is (the server
 *   decides whether it is one of the user's unused recovery codes).
 *
 * Whitespace is refused rather than stripped ("123 456" as an app groups it): the SDK never
 * rewrites a secret the caller typed, so the caller removes spaces deliberately.
 *
 * @param name The input's name, used in the error message (the value never is).
 * @param value The value the caller passed.
 *
 * @returns The code.
 *
 * @throws `TypeError` naming the input when the value is not such a string.
 *
 * @example
 * ```ts
 * const code = requireMfaCode('code', input?.code);
 * ```
 *
 * @internal
 */
export function requireMfaCode(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || /\s/.test(value)) {
    throw new TypeError(`${name} must be a 6-digit code or a recovery code, without spaces`);
  }
  return value;
}
