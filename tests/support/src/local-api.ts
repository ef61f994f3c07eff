import {
  createPuguhCore,
  type PuguhCore,
  type PuguhOptions,
  sendRequest,
  type TokenSet,
  type User,
} from '@puguh/core';
import { createPuguhServer } from '@puguh/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { LoginAnswer, RegisteredUser } from './wire';

/** A user registered and logged in against the local API. */
export interface SignedUpUser {
  readonly email: string;
  readonly password: string;
  readonly user: User;
  readonly tokens: TokenSet;
  /** A core acting as this user. */
  readonly core: PuguhCore;
}

/** The local PUGUH API on a loopback port, with cores ready for each kind of caller. */
export interface LocalApi {
  readonly server: ReturnType<typeof createPuguhServer>;
  readonly url: string;
  /** A core with the service key. */
  readonly service: PuguhCore;
  /** A core with no credential (public endpoints). */
  readonly anonymous: PuguhCore;
  /** Makes another core against this server with extra options. */
  readonly core: (options?: PuguhOptions) => PuguhCore;
  /** Registers a fresh user (unique e-mail) and logs in. */
  readonly signUp: (fullName?: string) => Promise<SignedUpUser>;
  readonly close: () => Promise<void>;
}

let counter = 0;

/**
 * Starts `@puguh/testing` on 127.0.0.1 (a real socket: the SDK under test goes through real
 * loopback HTTP) and returns helpers. Call `close()` in `afterAll`.
 */
export async function startLocalApi(options?: Parameters<typeof createPuguhServer>[0]): Promise<LocalApi> {
  const server = createPuguhServer(options);
  const { url, close } = await server.listen({ port: 0, hostname: '127.0.0.1' });
  const core = (extra: PuguhOptions = {}) => createPuguhCore({ baseUrl: url, maxRetries: 0, ...extra });
  const anonymous = core();
  return {
    server,
    url,
    service: core({ apiKey: server.apiKey }),
    anonymous,
    core,
    async signUp(fullName = 'Test User') {
      counter += 1;
      const email = `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
      const password = `correct horse ${counter}`;
      const user = await sendRequest(anonymous, {
        method: 'POST',
        path: 'v1/auth/register',
        body: { email, password, full_name: fullName },
        schema: RegisteredUser,
        authenticate: false,
      });
      const tokens = await sendRequest(anonymous, {
        method: 'POST',
        path: 'v1/auth/login',
        body: { email, password },
        schema: LoginAnswer,
        authenticate: false,
      });
      return { email, password, user, tokens, core: core({ accessToken: tokens.accessToken }) };
    },
    close,
  };
}

/**
 * The local API of one test file: started before its tests, closed after them, and with faults and
 * recorded requests cleared before each test. Returned at once (its fields read the started server),
 * so a file writes `const api = useLocalApi();` instead of repeating the hooks.
 */
export function useLocalApi(options?: Parameters<typeof createPuguhServer>[0]): LocalApi {
  let current: LocalApi | undefined;
  beforeAll(async () => {
    current = await startLocalApi(options);
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    current?.server.faults.clear();
    current?.server.clearRequests();
  });
  const started = (): LocalApi => {
    if (!current)
      throw new Error('useLocalApi(): the local API starts in beforeAll; use it inside tests or hooks');
    return current;
  };
  return {
    get server() {
      return started().server;
    },
    get url() {
      return started().url;
    },
    get service() {
      return started().service;
    },
    get anonymous() {
      return started().anonymous;
    },
    core: (extra) => started().core(extra),
    signUp: (fullName) => started().signUp(fullName),
    close: () => started().close(),
  };
}
