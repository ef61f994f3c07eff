// A Workers-style fetch handler (Cloudflare Workers, workerd; the same module runs on any runtime
// with `fetch` and WebCrypto) that lets a request through only with a valid PUGUH access token.
// It verifies the JWT locally against PUGUH's JWKS: no call to PUGUH per request, and only
// `verifyAccessToken` (jose) in the bundle, not the SDK's HTTP transport.
import { verifyAccessToken } from '@puguh/auth';
import { AuthError, NetworkError } from '@puguh/core';

/**
 * The bindings the worker reads (`[vars]` in wrangler.toml, `bindings` in Miniflare).
 *
 * @example
 * ```toml
 * [vars]
 * PUGUH_BASE_URL = "https://api-puguh.arsaka.io"
 * ```
 */
export interface Env {
  /** Origin of the PUGUH API whose tokens are accepted; its JWKS is fetched from there. */
  readonly PUGUH_BASE_URL: string;
}

/**
 * The body of a `200`: who is calling, from the verified token.
 *
 * @example
 * ```json
 * { "userId": "usr_…", "email": "ada@example.test", "roles": ["user", "owner"], "orgId": "org_…" }
 * ```
 */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly roles: readonly string[];
  /** The organization the token is scoped to; `null` for a token without one. */
  readonly orgId: string | null;
}

/** The token of `Authorization: Bearer <token>`, or `undefined` when there is none. */
function bearerToken(request: Request): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/** A JSON error in PUGUH's own envelope, `{ error: { code, message } }`. */
function errorResponse(status: number, code: string, message: string, headers: HeadersInit = {}): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  );
}

/**
 * The worker: `200` with the caller's claims for a valid token; `401` (with `WWW-Authenticate:
 * Bearer`) for a missing, malformed, tampered or expired one; `503` when PUGUH's keys cannot be
 * fetched, because an outage of the key endpoint is not the caller's fault.
 *
 * @example
 * ```sh
 * curl -H "authorization: Bearer $TOKEN" http://127.0.0.1:8787/
 * # {"userId":"usr_…","email":"demo@puguh.test","roles":["user"],"orgId":null}
 * ```
 */
const worker = {
  async fetch(request: Request, env: Env): Promise<Response> {
    const token = bearerToken(request);
    if (token === undefined) {
      return errorResponse(401, 'unauthorized', 'Send Authorization: Bearer <PUGUH access token>', {
        'www-authenticate': 'Bearer realm="puguh"',
      });
    }
    try {
      // A plain `{ baseUrl }` is all the verifier needs (validated like createPuguhCore would):
      // leaving createPuguhCore out keeps the bundle to jose plus a few hundred bytes.
      const claims = await verifyAccessToken({ baseUrl: env.PUGUH_BASE_URL }, token);
      const caller: Caller = {
        userId: claims.sub,
        email: claims.email,
        roles: claims.roles,
        orgId: claims.orgId ?? null,
      };
      return Response.json(caller, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      if (error instanceof AuthError) {
        // RFC 6750: tell the client its token was the problem, so it logs in or refreshes.
        return errorResponse(401, error.code, error.message, {
          'www-authenticate': `Bearer realm="puguh", error="invalid_token"`,
        });
      }
      if (error instanceof NetworkError) {
        return errorResponse(
          503,
          'jwks_unavailable',
          'The PUGUH signing keys could not be fetched; try again shortly',
        );
      }
      // A missing or malformed PUGUH_BASE_URL lands here (a TypeError from the base URL check).
      console.error(error);
      return errorResponse(500, 'internal_error', 'The worker failed; see its logs');
    }
  },
};

export default worker;
