import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './state';

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'x-puguh-organization-id',
  'x-puguh-application-id',
  'x-puguh-client',
].join(', ');
const EXPOSED_HEADERS = [
  'x-request-id',
  'retry-after',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'idempotent-replayed',
].join(', ');
const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';

/**
 * CORS for browser pages on any origin. Credentials travel in `Authorization`, never in cookies,
 * so `*` is safe and no origin list is needed. Preflights are answered here, before the request
 * log, the rate limiter and faults: a browser's preflight must not consume a fault meant for the
 * real request.
 *
 * @returns The middleware.
 *
 * @example
 * ```ts
 * app.use('*', corsMiddleware());
 * ```
 *
 * @internal
 */
export function corsMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
        },
      });
    }
    await next();
    c.res.headers.set('access-control-allow-origin', '*');
    c.res.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    return undefined;
  };
}
