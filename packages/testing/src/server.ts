import type { Hono } from 'hono';
import { createApp } from './app';
import { createFaultQueue, type Faults } from './faults';
import { createIdempotencyStore } from './idempotency';
import type { ListeningServer, ListenOptions } from './listen';
import { createOutbox, type Outbox } from './outbox';
import { createRandomSource } from './random';
import { createRateLimiter, type RateLimitOptions } from './rate-limit';
import { createRequestLog, type RecordedRequest } from './request-log';
import { createUser } from './routes/auth';
import type { AppEnv, ServerState } from './state';
import { createStore } from './store';
import { type AccessTokenOverrides, createKeyRing, signToken } from './tokens';

/**
 * A user that exists from the start.
 *
 * @public
 */
export interface SeedUser {
  readonly email: string;
  readonly password: string;
  readonly fullName: string;
}

/**
 * Options of {@link createPuguhServer}.
 *
 * @public
 */
export interface PuguhServerOptions {
  /** Makes ids (and the service key) deterministic; secrets and signing keys stay random. */
  readonly seed?: string;
  /** Users registered before the first request is answered. */
  readonly users?: readonly SeedUser[];
  /** Per-credential limits; `false` turns rate limiting (and its headers) off. Default 10,000 per minute. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Access-token lifetime in seconds (default 900). */
  readonly accessTokenTtlSeconds?: number;
  /** Magic-link lifetime in seconds (default 900). */
  readonly magicLinkTtlSeconds?: number;
  /** The server's clock in milliseconds since the epoch (default `Date.now`); tokens, TOTP, billing periods and rate windows follow it. */
  readonly now?: () => number;
}

/**
 * A local, in-memory PUGUH API.
 *
 * @public
 */
export interface PuguhServer {
  /**
   * Serves a request in-process, with the signature of `fetch`: pass it as the SDK's `fetch`.
   * An aborted `init.signal` rejects as `fetch` would; an injected `reset` fault rejects with
   * `TypeError('fetch failed')`.
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /**
   * Serves over real HTTP (Node only; loads `@hono/node-server` on first use).
   *
   * @example
   * ```ts
   * const { url, close } = await server.listen({ port: 0, hostname: '127.0.0.1' });
   * ```
   */
  listen(options?: ListenOptions): Promise<ListeningServer>;
  /** The service key (`pk_test_…`): full access to every organization. */
  readonly apiKey: string;
  /** The emails the server has sent (magic links and invitations). */
  readonly outbox: Outbox;
  /** Misbehaviour on demand, to rehearse failures. */
  readonly faults: Faults;
  /** Every request received, oldest first (the newest 10,000). */
  readonly requests: readonly RecordedRequest[];
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /**
   * Makes a new signing key current and returns its `kid`. The old keys stay in the JWKS, so
   * tokens they signed verify until they expire.
   */
  rotateSigningKey(): string;
  /**
   * Signs an access token with the current key, for tests of token handling: valid claims for a
   * made-up user by default, each overridable (`exp` in the past → an expired token, `aud: 'x'` →
   * a wrong audience…). The API itself accepts it only when `sub` names a registered user.
   */
  signAccessToken(claims?: AccessTokenOverrides): Promise<string>;
  /**
   * The hono app behind `fetch`, for the package's own contract tests.
   *
   * @internal
   */
  readonly app: Hono<AppEnv>;
}

/**
 * Creates a local PUGUH API: every route of the wire contract, in memory, with real rules —
 * hashed passwords, ES256 JWTs and a JWKS, rotating refresh tokens, magic links, TOTP MFA, roles,
 * invitations, billing, rate limits, idempotency keys and cursors.
 *
 * Works in any runtime with WebCrypto and `fetch` (Node, Deno, Bun, workerd, browsers);
 * `listen()` needs Node.
 *
 * @param options Seed, users, limits, lifetimes and clock; see {@link PuguhServerOptions}.
 *
 * @returns The server.
 *
 * @throws `TypeError` / `RangeError` for invalid options.
 *
 * @example
 * ```ts
 * import { createPuguhServer } from '@puguh/testing';
 * import { createPuguhCore } from '@puguh/core';
 *
 * const server = createPuguhServer({ users: [{ email: 'ada@example.test', password: 'correct-horse', fullName: 'Ada' }] });
 * const core = createPuguhCore({ baseUrl: 'http://localhost', apiKey: server.apiKey, fetch: server.fetch });
 * ```
 *
 * @public
 */
export function createPuguhServer(options: PuguhServerOptions = {}): PuguhServer {
  const now = options.now ?? Date.now;
  const accessTokenTtlSeconds = positiveInteger(
    options.accessTokenTtlSeconds ?? 900,
    'accessTokenTtlSeconds',
  );
  const magicLinkTtlSeconds = positiveInteger(options.magicLinkTtlSeconds ?? 900, 'magicLinkTtlSeconds');
  const rateLimit = options.rateLimit ?? { limit: 10_000, windowMs: 60_000 };
  const random = createRandomSource(options.seed);
  // Its own stream, made on first read: the key does not shift the seeded ids, and nothing random
  // happens at creation (workerd refuses crypto at a module's top level).
  let apiKey: string | undefined;
  const serviceKey = (): string => {
    apiKey ??= `pk_test_${createRandomSource(
      options.seed === undefined ? undefined : `${options.seed}\u0000service-key`,
    )
      .id('k')
      .slice(2)}`;
    return apiKey;
  };
  const keys = createKeyRing(() => random.id('key'));
  let listenOrigin: string | undefined;

  const seedUsers = checkSeedUsers(options.users ?? []);
  let starting: Promise<void> | undefined;
  const state: ServerState = {
    now,
    random,
    requestIds: createRandomSource(options.seed === undefined ? undefined : `${options.seed}\u0000requests`),
    store: createStore(),
    keys,
    outbox: createOutbox(),
    faults: createFaultQueue(),
    rateLimiter: rateLimit === false ? undefined : createRateLimiter(rateLimit, now),
    idempotency: createIdempotencyStore(),
    requestLog: createRequestLog(),
    get apiKey() {
      return serviceKey();
    },
    accessTokenTtlSeconds,
    magicLinkTtlSeconds,
    ready() {
      // Sequential, so seeded ids follow the order of `users`.
      starting ??= seedUsers
        .reduce<Promise<unknown>>(
          (previous, user) => previous.then(() => createUser(state, user)),
          keys.current(),
        )
        .then(() => undefined);
      return starting;
    },
  };
  const app = createApp(state);

  const handle = async (request: Request, clientAddress: string | undefined): Promise<Response | 'reset'> => {
    const connection = { reset: false, stalled: false };
    const response = await app.fetch(request, { clientAddress, connection });
    if (connection.reset) return 'reset';
    if (connection.stalled) stalled.add(response);
    return response;
  };
  const stalled = new WeakSet<Response>();

  return {
    app,
    get apiKey() {
      return serviceKey();
    },
    outbox: state.outbox,
    faults: state.faults,
    get requests() {
      return state.requestLog.entries;
    },
    clearRequests: () => state.requestLog.clear(),
    rotateSigningKey: () => keys.rotate(),
    async fetch(input, init) {
      const request = new Request(input, init);
      const signal = request.signal;
      signal.throwIfAborted();
      const outcome = await raceAbort(handle(request, undefined), signal);
      if (outcome === 'reset')
        throw new TypeError('fetch failed', { cause: new Error('Injected connection reset.') });
      if (!stalled.has(outcome) || outcome.body === null) return outcome;
      // As with `fetch`, aborting the signal fails a body that is still being read. Only a stalled
      // body can still be in flight; every other body is complete already.
      return new Response(outcome.body.pipeThrough(new TransformStream(), { signal }), outcome);
    },
    async listen(listenOptions) {
      const { listenNode } = (await import(
        /* webpackIgnore: true */ /* @vite-ignore */ listenModule()
      )) as ListenModule;
      const listening = await listenNode(handle, listenOptions);
      listenOrigin ??= listening.url;
      return listening;
    },
    async signAccessToken(claims = {}) {
      const issuedAt = Math.floor(now() / 1000);
      return signToken(keys, {
        iss: listenOrigin ?? 'http://localhost',
        aud: 'puguh',
        sub: 'usr_test',
        email: 'test@puguh.test',
        roles: ['user'],
        iat: issuedAt,
        nbf: issuedAt,
        exp: issuedAt + accessTokenTtlSeconds,
        jti: random.secretToken('jti'),
        ...claims,
      });
    },
  };
}

type ListenModule = typeof import('./listen');

/**
 * `listen.ts` holds every Node import. Its specifier is computed so that bundlers for workerd,
 * edge runtimes and browsers do not follow it (and fail on `node:http`): `.ts` when running from
 * source (vitest, tsx), `.js` next to the built chunk in `dist/`. Computed on call, because some
 * runtimes (workerd) have no `import.meta.url` at all.
 */
function listenModule(): string {
  return `./listen.${String(import.meta.url).endsWith('.ts') ? 'ts' : 'js'}`;
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`createPuguhServer: ${name} must be an integer ≥ 1.`);
  return value;
}

/** Seeding runs after this returns, so every way it could fail is checked here, synchronously. */
function checkSeedUsers(users: readonly SeedUser[]): readonly SeedUser[] {
  const emails = new Set<string>();
  for (const user of users) {
    const valid =
      typeof user.email === 'string' &&
      /^[^\s@]+@[^\s@]+$/.test(user.email) &&
      typeof user.password === 'string' &&
      user.password.length >= 8 &&
      typeof user.fullName === 'string' &&
      user.fullName.trim().length > 0;
    if (!valid) {
      throw new TypeError(
        'createPuguhServer: each user needs an email, a password of 8+ characters and a fullName.',
      );
    }
    const email = user.email.trim().toLowerCase();
    if (emails.has(email))
      throw new TypeError(`createPuguhServer: the email ${email} is listed twice in users.`);
    emails.add(email);
  }
  return users;
}
