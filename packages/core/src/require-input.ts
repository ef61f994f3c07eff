/**
 * Checks a required id input before any request: a non-empty string that is not `.` or `..`
 * (which URL parsers treat as path navigation), at most 256 characters, without control
 * characters or surrounding whitespace, and well-formed Unicode. The error names the input, never
 * the value.
 *
 * @param name The input's name, used in the error message.
 * @param value The value the caller passed.
 *
 * @returns The id.
 *
 * @throws `TypeError` naming the input when the value is not a usable id.
 *
 * @example
 * ```ts
 * const planId = requireId('planId', input?.planId);
 * ```
 *
 * @public
 */
export function requireId(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value === '.' || value === '..') {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  // An id goes into a path and a header: what `Headers` would trim, or `encodeURIComponent` refuse,
  // would make the two disagree or throw a raw error that echoes the value. Never echo it here.
  if (
    value.length > MAX_ID_LENGTH ||
    value.trim() !== value ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
    /[\u0000-\u001f\u007f]/.test(value) ||
    !isWellFormed(value)
  ) {
    throw new TypeError(
      `${name} must be at most ${MAX_ID_LENGTH} characters, without control characters, surrounding spaces or lone surrogates`,
    );
  }
  return value;
}

/**
 * Checks an id that is also sent as a header (the organization and application context): a valid
 * id ({@link requireId}) of printable ASCII, since a header cannot carry other characters.
 *
 * @param name The input's name, used in the error message.
 * @param value The value the caller passed.
 *
 * @returns The id.
 *
 * @throws `TypeError` naming the input when the value is not a usable id.
 *
 * @example
 * ```ts
 * context.organizationId = requireHeaderId('organizationId', organizationId);
 * ```
 */
export function requireHeaderId(name: string, value: unknown): string {
  const id = requireId(name, value);
  if (!/^[\x20-\x7e]+$/.test(id)) {
    throw new TypeError(`${name} is sent as a header, so it must be printable ASCII`);
  }
  return id;
}

/** The longest id accepted anywhere (PUGUH's own ids are about 30 characters). */
export const MAX_ID_LENGTH = 256;

/** Whether `text` is well-formed UTF-16 (no lone surrogate), as `String#isWellFormed` says. */
const isWellFormed = (text: string): boolean =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/**
 * Checks a required text input (a name, a password, a code) before any request.
 *
 * @param name The input's name, used in the error message (the value never is).
 * @param value The value the caller passed.
 *
 * @returns The text.
 *
 * @throws `TypeError` naming the input when it is not a non-blank string.
 *
 * @example
 * ```ts
 * const password = requireText('password', input?.password);
 * ```
 *
 * @public
 */
export function requireText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new TypeError(`${name} must be a non-empty string`);
  return value;
}

/**
 * Checks a slug before any request, against the API's rule: 2 to 64 lower-case letters and digits,
 * single hyphens between them (`acme-corp`). Organizations and applications share it.
 *
 * @param name The input's name, used in the error message.
 * @param value The value the caller passed.
 *
 * @returns The slug.
 *
 * @throws `TypeError` naming the input and stating the rule.
 *
 * @example
 * ```ts
 * const slug = requireSlug('slug', input?.slug); // 'Acme Corp' throws; 'acme-corp' passes
 * ```
 *
 * @public
 */
export function requireSlug(name: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length > 64 ||
    !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ||
    value.length < 2
  ) {
    throw new TypeError(
      `${name} must be 2 to 64 lower-case letters and digits with single hyphens, such as "acme-corp"`,
    );
  }
  return value;
}

/**
 * Checks an e-mail address before any request: one `@`, something on each side, a dot in the
 * domain, no spaces. Deliberately loose (the server has the last word); it catches typos and
 * swapped arguments, not every RFC 5322 corner.
 *
 * @param name The input's name, used in the error message.
 * @param value The value the caller passed.
 *
 * @returns The address.
 *
 * @throws `TypeError` naming the input when it is not an e-mail address.
 *
 * @example
 * ```ts
 * const email = requireEmail('email', input?.email);
 * ```
 *
 * @public
 */
export function requireEmail(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new TypeError(`${name} must be an e-mail address`);
  }
  return value;
}

/**
 * Checks that `value` is one of `allowed` (roles, for instance) before any request.
 *
 * @param name The input's name, used in the error message.
 * @param value The value the caller passed.
 * @param allowed The accepted values.
 *
 * @returns The value, narrowed.
 *
 * @throws `TypeError` listing the accepted values.
 *
 * @example
 * ```ts
 * const role = requireOneOf('role', input?.role, ['owner', 'admin', 'member'] as const);
 * ```
 *
 * @public
 */
export function requireOneOf<const T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new TypeError(`${name} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

/**
 * Checks the input object of a PUGUH function: a plain object (an optional input defaults to
 * `{}` before this runs). `client.organizations.get(123)` would otherwise read `orgId` off a number and blame
 * a missing id; this says what is wrong instead, without echoing the value.
 *
 * @param input What the caller passed as the function's input.
 * @param example A key of the input, for the message (`{ orgId }`).
 *
 * @throws `TypeError` when the input is not an object.
 *
 * @example
 * ```ts
 * requireInput(input, 'orgId');
 * ```
 */
export function requireInput(input: unknown, example: string): void {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) return;
  const kind =
    input === null || input === undefined
      ? String(input)
      : Array.isArray(input)
        ? 'an array'
        : `a ${typeof input}`;
  throw new TypeError(`The input must be an object such as { ${example} }, not ${kind}`);
}
