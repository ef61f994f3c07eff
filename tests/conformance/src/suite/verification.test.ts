import { verifyAccessToken } from '@puguh/auth';
import { AuthError, createPuguhCore } from '@puguh/core';
import { describe, expect, test } from 'vitest';
import { apiUrl } from '../support/provided';
import { signUp } from '../support/users';

/** Flips one character in the middle of the signature: same header and claims, wrong signature. */
function tamperSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const at = Math.floor(signature.length / 2);
  const flipped = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`;
}

/** Replaces the claims with edited ones, keeping the original signature. */
function tamperClaims(token: string): string {
  const [header, payload = '', signature] = token.split('.');
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const forged = btoa(JSON.stringify({ ...claims, roles: ['user', 'owner'] }))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `${header}.${forged}.${signature}`;
}

describe('local token verification', () => {
  test('verifyAccessToken accepts a real login token against the JWKS', async () => {
    const { tokens, user, email } = await signUp();
    // What an edge function does: @puguh/auth only, a core with no credential.
    const claims = await verifyAccessToken(createPuguhCore({ baseUrl: apiUrl() }), tokens.accessToken);
    expect(claims).toMatchObject({ sub: user.userId, email, roles: ['user'], aud: 'puguh' });
    expect(claims.iss).toBe(new URL(apiUrl()).origin);
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
  });

  test('a tampered token is an AuthError', async () => {
    const { tokens, client } = await signUp();
    for (const forged of [tamperSignature(tokens.accessToken), tamperClaims(tokens.accessToken)]) {
      const error = await client.auth.verifyAccessToken(forged).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ code: 'token_invalid' });
    }
  });
});
