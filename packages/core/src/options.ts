import type { ResponseHook } from './response-info';
import type { RefreshStrategy } from './tokens/refresh-strategy';
import type { TokenSet } from './tokens/token-set';

/**
 * Receives the SDK's debug lines. `console` fits; so do pino and winston loggers.
 * It gets method, path, status, request id and retry delays — never a body or a header, so no
 * credential, token, password or code can reach it.
 *
 * @public
 */
export interface PuguhLogger {
  /** One event: a request sent, a response received, a retry scheduled, a token refreshed. */
  debug(message: string, details: Record<string, unknown>): void;
  /**
   * A failure that does not fail the call, such as an `onTokens` callback that threw. Optional:
   * without it such failures go to `debug`.
   */
  warn?(message: string, details: Record<string, unknown>): void;
}

/**
 * Supplies the current user access token; called before every attempt that sends a credential, so
 * it may read storage that another part of the app keeps fresh. Its wait counts against the
 * attempt's `timeout` (and the call's `totalTimeout`, `signal` and `close()`); calls to public
 * endpoints (plans, login, …) never call it.
 *
 * @public
 */
export type AccessTokenProvider = () => string | Promise<string>;

/**
 * Everything `createPuguhCore` and `new PuguhClient` accept. All fields are optional:
 * `baseUrl` and `apiKey` default to `PUGUH_BASE_URL` and `PUGUH_API_KEY` where a process
 * environment exists. Durations are milliseconds.
 *
 * @public
 */
export interface PuguhOptions {
  /** The API origin, e.g. `https://api-puguh.arsaka.io`; the SDK adds the `/v1/…` paths. */
  readonly baseUrl?: string | undefined;
  /**
   * A service key (`pk_live_…` / `pk_test_…`) for backends. Mutually exclusive with `accessToken`.
   * `null` means "no key", without falling back to `PUGUH_API_KEY`.
   */
  readonly apiKey?: string | null | undefined;
  /** A user's access token, or a function returning the current one. Mutually exclusive with `apiKey`. */
  readonly accessToken?: string | AccessTokenProvider | undefined;
  /**
   * With `accessToken`: lets the SDK refresh the session on a 401, once, for every waiting call.
   * `createPuguhCore` also needs `refresh` (`PuguhClient` supplies it).
   */
  readonly refreshToken?: string | undefined;
  /**
   * How the session refreshes: `automaticRefresh()` from `@puguh/auth`. Required with
   * `refreshToken` in `createPuguhCore`, so cores that never refresh carry none of that code;
   * `PuguhClient` passes it for you.
   */
  readonly refresh?: RefreshStrategy | undefined;
  /**
   * Called with every new token set the SDK obtains by refreshing; persist it here. Calls do not
   * wait for it: the replay goes ahead with the new tokens at once, and if it throws or rejects the
   * error goes to the logger (`warn`).
   */
  readonly onTokens?: ((tokens: TokenSet) => void | Promise<void>) | undefined;
  /** Initial organization context (`X-Puguh-Organization-Id`, and the default `orgId`). */
  readonly organizationId?: string | undefined;
  /** Initial application context (`X-Puguh-Application-Id`, and the default `appId`). */
  readonly applicationId?: string | undefined;
  /** Per attempt, including reading the body. Default 30 000. */
  readonly timeout?: number | undefined;
  /** Bound on all attempts and backoff sleeps of one call together. Default: none. */
  readonly totalTimeout?: number | undefined;
  /** Retries after the first attempt for retryable failures. Default 2; 0 disables retries. */
  readonly maxRetries?: number | undefined;
  /** Longest server-requested wait (`Retry-After`) the SDK sleeps for; longer ones fail fast. Default 60 000. */
  readonly maxRetryAfter?: number | undefined;
  /** Largest response body read, in bytes. Default 10 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** A `fetch` implementation, e.g. a test server's or one with a custom agent. Default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Debug logging of requests, responses and retries (no bodies, no headers). Off by default. */
  readonly logger?: PuguhLogger | undefined;
  /**
   * Called once per call that got an answer, on this core and every core derived from it: status,
   * request id, rate-limit state, attempts, duration. Not awaited; a throw goes to the logger.
   */
  readonly onResponse?: ResponseHook | undefined;
  /** Permit an `http://` base URL on a host that is not loopback. Default `false`. */
  readonly allowInsecureHttp?: boolean | undefined;
  /** Permit an API key in a browser page, where anyone can read it. Default `false`. */
  readonly dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * Per-call settings, the last argument of every network function.
 *
 * @public
 */
export interface RequestOptions {
  /** Cancels the call: rejects at once with `signal.reason`, also during a backoff sleep. */
  readonly signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call, overriding the core's. */
  readonly timeout?: number | undefined;
  /** Retries for this call, overriding the core's. */
  readonly maxRetries?: number | undefined;
  /** Idempotency key for a POST/PATCH; by default the SDK generates one per call (UUID v4). */
  readonly idempotencyKey?: string | undefined;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Called with this call's final answer, after the core's `onResponse`. */
  readonly onResponse?: ResponseHook | undefined;
}
