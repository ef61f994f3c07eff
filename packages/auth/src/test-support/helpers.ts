import { totp } from '@puguh/testing';
import type { LocalApi, SignedUpUser } from '@puguh-internal/test-support';
import { expect } from 'vitest';
import { confirmMfa } from '../confirm-mfa';
import { setupMfa } from '../setup-mfa';

let counter = 0;

/** A fresh lower-case address (the API stores addresses in lower case). */
export function uniqueEmail(label = 'auth'): string {
  counter += 1;
  return `${label}${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** Awaits a promise that should reject and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to reject, but it resolved');
    },
    (error: unknown) => error,
  );
}

/** Asserts that no secret appears in the error's message, stack, details or JSON form. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const surface = [
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify((error as { details?: unknown }).details ?? null),
    JSON.stringify(error),
  ].join('\n');
  for (const secret of secrets) expect(surface).not.toContain(secret);
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The single request the server recorded since the last `clearRequests()`, after checking what
 * every SDK POST must carry: a UUID v4 `idempotency-key`.
 */
export function onlyRequest(api: LocalApi) {
  expect(api.server.requests).toHaveLength(1);
  const request = api.server.requests[0]!;
  expect(request.method).toBe('POST');
  expect(request.headers['idempotency-key']).toMatch(UUID_V4);
  return request;
}

/** Asserts the shape of an access token: a JWT, three non-empty base64url parts. */
export function expectJwt(token: string): void {
  const parts = token.split('.');
  expect(parts).toHaveLength(3);
  for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
  const header = JSON.parse(new TextDecoder().decode(base64UrlDecode(parts[0]!))) as { typ?: string };
  expect(header.typ).toBe('JWT');
}

function base64UrlDecode(text: string): Uint8Array {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

/** Asserts an ISO 8601 UTC timestamp the way the wire contract writes them. */
export function expectIsoTimestamp(value: string): void {
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  expect(Number.isNaN(Date.parse(value))).toBe(false);
}

/** A 6-digit code that is not valid for `secret` right now (nor one step either side). */
export async function wrongTotp(secret: string): Promise<string> {
  const now = Date.now();
  const valid = await Promise.all([now - 30_000, now, now + 30_000].map((time) => totp(secret, time)));
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.includes(code))!;
}

/** Turns MFA on for a signed-up user through the SDK; returns the secret and recovery codes. */
export async function enableMfa(
  user: SignedUpUser,
): Promise<{ secret: string; recoveryCodes: readonly string[] }> {
  const setup = await setupMfa(user.core);
  const { recoveryCodes } = await confirmMfa(user.core, { code: await totp(setup.secret) });
  return { secret: setup.secret, recoveryCodes };
}

/** Reads how many requests the server has recorded, for "nothing was sent" assertions. */
export function requestCount(api: LocalApi): number {
  return api.server.requests.length;
}
