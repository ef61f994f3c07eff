import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError } from './errors';
import type { AppEnv } from './state';

/**
 * Validates the request body (read once by the request log) against a valibot schema. An absent
 * body counts as `{}`, so a missing field is reported by name rather than as a missing body.
 *
 * @param c The request context.
 * @param schema The body schema.
 *
 * @returns The validated body.
 *
 * @throws {@link ApiError} `400 invalid_json` for a body that is not JSON; `400 invalid_request`
 *   with `details.fields` (field → what is wrong) for a body that fails the schema.
 *
 * @example
 * ```ts
 * const body = readBody(c, v.object({ email: emailField }));
 * ```
 *
 * @internal
 */
export function readBody<const TSchema extends v.GenericSchema>(
  c: Context<AppEnv>,
  schema: TSchema,
): v.InferOutput<TSchema> {
  const body = c.get('body');
  if (body.kind === 'invalid') throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  const value = body.kind === 'json' ? body.value : {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.', {
      fields: { body: 'must be a JSON object' },
    });
  }
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const fields: Record<string, string> = {};
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? 'body';
    fields[path] ??= issue.input === undefined ? 'is required' : issue.message;
  }
  const names = Object.keys(fields).join(', ');
  throw new ApiError(400, 'invalid_request', `The request body is invalid: ${names}.`, { fields });
}

/**
 * An email address (trimmed, lower-cased).
 *
 * @example
 * ```ts
 * v.parse(emailField, ' Ada@Example.TEST '); // 'ada@example.test'
 * ```
 *
 * @internal
 */
export const emailField: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, 'must be at most 254 characters'),
  v.email('must be a valid email address'),
);

/**
 * A new password: 8 to 256 characters.
 *
 * @example
 * ```ts
 * v.parse(newPasswordField, 'short'); // throws: must be at least 8 characters
 * ```
 *
 * @internal
 */
export const newPasswordField: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.minLength(8, 'must be at least 8 characters'),
  v.maxLength(256, 'must be at most 256 characters'),
);

/**
 * A display name: 1 to 200 characters after trimming.
 *
 * @example
 * ```ts
 * v.parse(nameField, '  Acme  '); // 'Acme'
 * ```
 *
 * @internal
 */
export const nameField: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
);

/**
 * A slug: 2 to 64 lower-case letters and digits, single hyphens between them.
 *
 * @example
 * ```ts
 * v.parse(slugField, 'acme-corp'); // 'acme-corp'
 * ```
 *
 * @internal
 */
export const slugField: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.minLength(2, 'must be at least 2 characters'),
  v.maxLength(64, 'must be at most 64 characters'),
  v.regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case letters and digits, with single hyphens between them',
  ),
);

/**
 * A role: `owner`, `admin` or `member`.
 *
 * @example
 * ```ts
 * v.parse(roleField, 'admin'); // 'admin'
 * ```
 *
 * @internal
 */
export const roleField: v.GenericSchema<'owner' | 'admin' | 'member', 'owner' | 'admin' | 'member'> =
  v.picklist(['owner', 'admin', 'member'], 'must be one of owner, admin, member');

/**
 * A non-empty string of at most 4096 characters (ids, tokens, codes).
 *
 * @example
 * ```ts
 * v.parse(tokenField, ''); // throws: must not be empty
 * ```
 *
 * @internal
 */
export const tokenField: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(4096, 'must be at most 4096 characters'),
);
