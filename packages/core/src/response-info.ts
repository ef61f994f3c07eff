/**
 * The rate-limit state the API reported on an answer, from its `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` headers; each `undefined` when the header is absent or
 * not a whole number (never `NaN`).
 *
 * @public
 */
export interface RateLimitState {
  /** Requests allowed in the current window. */
  readonly limit: number | undefined;
  /** Requests left in the current window. */
  readonly remaining: number | undefined;
  /** Seconds until the window resets. */
  readonly resetSeconds: number | undefined;
}

/**
 * What `onResponse` receives once per call that got an answer (a success or an HTTP error): the
 * final answer's status, request id and rate-limit state, and how the call got there.
 *
 * @public
 */
export interface ResponseInfo {
  readonly method: string;
  /** The path below the base URL, as the function sent it (ids encoded). */
  readonly path: string;
  readonly status: number;
  /** The answer's `X-Request-Id`: quote it to PUGUH support. */
  readonly requestId: string | undefined;
  readonly rateLimit: RateLimitState;
  /** Attempts sent, counting retries and the replay after a refresh. */
  readonly attempts: number;
  /** The `Idempotency-Key` the call sent (POST and PATCH), else `undefined`. */
  readonly idempotencyKey: string | undefined;
  /** From the start of the call to the final answer, in milliseconds. */
  readonly durationMs: number;
  /** The answer's headers, lower-case names, frozen; without `set-cookie`. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A response hook, as `onResponse` on a core (every call of it and of its derived cores) or on one
 * call. It is not awaited, and whatever it throws or rejects with goes to the logger: a hook never
 * changes a call's result.
 *
 * @public
 */
export type ResponseHook = (info: ResponseInfo) => void | Promise<void>;
