import { afterAll, beforeAll, expect } from 'vitest';
import { createPuguhServer, type PuguhServer, type PuguhServerOptions } from '../server';
import type { ErrorBody, Organization, TokenSet, User } from './wire-types';

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  /** JSON-encoded as the body. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  raw?: string;
  /** A bearer credential (access token or API key). */
  token?: string;
  headers?: Record<string, string>;
}

/** A started server plus helpers that speak to it with plain `fetch`. */
export interface TestApi {
  readonly server: PuguhServer;
  readonly url: string;
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** Registers and logs in a fresh user; `name` makes the email readable. */
  signUp(
    name?: string,
    password?: string,
  ): Promise<{ user: User; tokens: TokenSet; token: string; email: string; password: string }>;
  createOrganization(token: string, slug?: string): Promise<Organization>;
}

let counter = 0;
/** A unique suffix, so tests sharing one server never collide on emails or slugs. */
export function unique(prefix: string): string {
  counter++;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Starts a server on a loopback port for the enclosing `describe` (or file) and stops it after.
 * The returned object is filled in by `beforeAll`.
 */
export function useServer(options: PuguhServerOptions = {}): TestApi {
  const state: { server?: PuguhServer; url?: string; close?: () => Promise<void> } = {};
  beforeAll(async () => {
    state.server = createPuguhServer(options);
    const listening = await state.server.listen({ port: 0, hostname: '127.0.0.1' });
    state.url = listening.url;
    state.close = listening.close;
  });
  afterAll(async () => {
    await state.close?.();
  });

  const api: TestApi = {
    get server() {
      return state.server!;
    },
    get url() {
      return state.url!;
    },
    async call<T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
      const headers: Record<string, string> = { ...options.headers };
      let body: string | undefined;
      if (options.raw !== undefined) body = options.raw;
      else if (options.body !== undefined) body = JSON.stringify(options.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(`${state.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: (text === '' ? undefined : JSON.parse(text)) as T,
      };
    },
    async signUp(name = 'user', password = 'correct-horse-battery') {
      const email = `${unique(name)}@example.test`;
      const registered = await api.call<User>('POST', '/v1/auth/register', {
        body: { email, password, full_name: `${name} Example` },
      });
      expect(registered.status).toBe(201);
      const login = await api.call<TokenSet>('POST', '/v1/auth/login', { body: { email, password } });
      expect(login.status).toBe(200);
      return { user: registered.body, tokens: login.body, token: login.body.access_token, email, password };
    },
    async createOrganization(token, slug = unique('org')) {
      const created = await api.call<Organization>('POST', '/v1/organizations', {
        token,
        body: { name: `Org ${slug}`, slug },
      });
      expect(created.status).toBe(201);
      return created.body;
    },
  };
  return api;
}

/** Asserts an error response: status, code, and the envelope's shape. */
export function expectError(
  response: ApiResponse<unknown>,
  status: number,
  code: string,
): ErrorBody['error'] {
  expect({ status: response.status, code: (response.body as ErrorBody | undefined)?.error?.code }).toEqual({
    status,
    code,
  });
  const error = (response.body as ErrorBody).error;
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  return error;
}

/** Decodes a JWT's header and payload without verifying (tests verify separately). */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(atob(part.replaceAll('-', '+').replaceAll('_', '/'))));
  return { header, payload };
}
