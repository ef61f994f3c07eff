import type { RateLimitState } from '../response-info';

/**
 * The registered symbol that marks every PUGUH error with the names of its classes (`['PuguhError',
 * 'RateLimitError']`). A `Symbol.for` key is shared by every copy of this package loaded in one
 * realm, so {@link isPuguhError} and `instanceof` work when a bundle or `node_modules` ends up with
 * two copies of `@puguh/core`, where a plain prototype check would fail.
 */
const PUGUH_ERROR_MARKER: unique symbol = Symbol.for('puguh.sdk.error') as never;

/** The class names an error carries under the marker; empty for anything else. */
const kindsOf = (value: unknown): readonly string[] => {
  const kinds = (value as { [PUGUH_ERROR_MARKER]?: unknown } | null)?.[PUGUH_ERROR_MARKER];
  // Copies of 0.1 marked their errors with `true`: they are PuguhErrors of no known subclass.
  return Array.isArray(kinds) ? kinds : kinds === true ? ['PuguhError'] : [];
};

/**
 * `instanceof` for the SDK's own error classes, by marker rather than by prototype, so an error
 * made by another copy of the package still matches. A class that extends ours outside the SDK
 * keeps the ordinary prototype check (it inherits this method, so it must opt out).
 */
function matchesErrorClass(target: { readonly kind?: string }, value: unknown): boolean {
  const kind = Object.hasOwn(target, 'kind') ? target.kind : undefined;
  if (kind === undefined) return Function.prototype[Symbol.hasInstance].call(target, value);
  return kindsOf(value).includes(kind);
}

/**
 * Error codes the SDK itself produces. API errors carry the server's own `snake_case` code
 * (`slug_taken`, `mfa_required`, …), so {@link PuguhError.code} is typed as a plain string; these are
 * the codes worth switching on that do not come from the server.
 *
 * @public
 */
export type PuguhClientErrorCode =
  | 'api_error'
  | 'non_json_response'
  | 'invalid_response'
  | 'response_too_large'
  | 'unexpected_redirect'
  | 'unauthorized'
  | 'rate_limited'
  | 'timeout'
  | 'connection_failed'
  | 'connection_reset'
  | 'client_closed'
  | 'refresh_failed'
  | 'token_provider_failed'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'token_invalid'
  | 'jwks_invalid';

/**
 * Settings shared by every PUGUH error constructor.
 *
 * @public
 */
export interface PuguhErrorOptions {
  /** Stable `snake_case` code: the server's, or one of {@link PuguhClientErrorCode}. */
  readonly code?: string;
  /** HTTP status of the response; `undefined` when no response arrived. */
  readonly statusCode?: number | undefined;
  /** Value of the response's `X-Request-Id` header, for support requests. */
  readonly requestId?: string | undefined;
  /** Structured details from the error body, such as per-field validation messages. */
  readonly details?: unknown;
  /** The underlying error. Never a request object, so it cannot carry credentials. */
  readonly cause?: unknown;
}

/**
 * Base class of every error the SDK raises for API and transport failures: any 4xx/5xx response
 * that is not a 401 or a 429, and responses that are not what the API promises.
 *
 * Misuse of the SDK (a missing id with no context, conflicting credentials, bad option values) is
 * a `TypeError` or `RangeError` thrown before any request, never a `PuguhError`.
 *
 * @example
 * ```ts
 * try {
 *   await createOrganization(core, { name: 'Acme', slug: 'acme' });
 * } catch (error) {
 *   if (isPuguhError(error) && error.code === 'slug_taken') console.log('pick another slug');
 *   else throw error;
 * }
 * ```
 *
 * @public
 */
export class PuguhError extends Error {
  /** The class name that `instanceof` matches across package copies. @internal */
  static readonly kind: string = 'PuguhError';
  override name = 'PuguhError';
  /** Stable `snake_case` code; switch on this, never on `message`. */
  readonly code: string;
  /** HTTP status; `undefined` when no response arrived. */
  readonly statusCode: number | undefined;
  /** The response's `X-Request-Id`, when the server sent one. */
  readonly requestId: string | undefined;
  /** Structured details from the error body. */
  readonly details: unknown;
  /**
   * The rate-limit state of the call's last answer, when one arrived. Set by `sendRequest`, so
   * absent on an error made some other way.
   */
  declare readonly rateLimit?: RateLimitState | undefined;
  /**
   * Attempts the call sent, counting retries and the replay after a refresh. Set by `sendRequest`,
   * so absent on an error made some other way.
   */
  declare readonly attempts?: number | undefined;

  /**
   * @param message Human-readable text; never contains credentials.
   * @param options Code, status and the other fields.
   */
  constructor(message: string, options: PuguhErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'api_error';
    this.statusCode = options.statusCode;
    this.requestId = options.requestId;
    this.details = options.details;
    const kinds: string[] = [];
    for (let type = new.target as { kind?: string } | null; type; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type, 'kind')) kinds.unshift(type.kind as string);
    }
    Object.defineProperty(this, PUGUH_ERROR_MARKER, { value: kinds });
  }

  /** Recognises PUGUH errors from any copy of the SDK. @internal */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` was asked about.
    return matchesErrorClass(this, value);
  }
}

/**
 * Reports whether `value` is a PUGUH error (any subclass), even across duplicated package copies.
 *
 * @param value Anything caught.
 *
 * @returns `true` for errors raised by any copy of the PUGUH SDK.
 *
 * @example
 * ```ts
 * try {
 *   await getPlans(core);
 * } catch (error) {
 *   if (isPuguhError(error)) console.error(error.code, error.requestId);
 * }
 * ```
 *
 * @public
 */
export function isPuguhError(value: unknown): value is PuguhError {
  return typeof value === 'object' && value !== null && PUGUH_ERROR_MARKER in value;
}
