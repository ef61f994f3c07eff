import { Hono } from 'hono';
import { corsMiddleware } from './cors';
import { ApiError, errorEnvelope } from './errors';
import { faultMiddleware } from './faults';
import { idempotencyMiddleware } from './idempotency';
import { rateLimitMiddleware } from './rate-limit';
import { recordRequestMiddleware } from './request-log';
import { applicationRoutes } from './routes/applications';
import { authRoutes } from './routes/auth';
import { billingRoutes } from './routes/billing';
import { discoveryRoutes } from './routes/discovery';
import { memberRoutes } from './routes/members';
import { mfaRoutes } from './routes/mfa';
import { organizationRoutes } from './routes/organizations';
import type { AppEnv, ServerState } from './state';

/**
 * Builds the hono app of one local API. Middleware order matters:
 * request id → CORS (answers preflights) → start-up wait → request log (reads the body once) →
 * rate limit → faults → idempotency → routes.
 *
 * @param state The server state.
 *
 * @returns The app; call `app.fetch(request, bindings)`.
 *
 * @example
 * ```ts
 * const app = createApp(state);
 * const response = await app.fetch(new Request('http://localhost/v1/billing/plans'), { connection: { reset: false, stalled: false } });
 * ```
 *
 * @internal
 */
export function createApp(state: ServerState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const requestId = state.requestIds.id('req');
    c.set('requestId', requestId);
    await next();
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', requestId);
  });
  app.use('*', corsMiddleware());
  app.use('*', async (_c, next) => {
    await state.ready();
    await next();
  });
  app.use('*', recordRequestMiddleware(state.requestLog));
  app.use('*', rateLimitMiddleware(state.rateLimiter));
  app.use('*', faultMiddleware(state.faults));
  app.use('*', idempotencyMiddleware(state.idempotency, state.now));

  authRoutes(app, state);
  mfaRoutes(app, state);
  organizationRoutes(app, state);
  memberRoutes(app, state);
  applicationRoutes(app, state);
  billingRoutes(app, state);
  discoveryRoutes(app, state);

  app.notFound((c) =>
    c.json(errorEnvelope('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), 404),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError)
      return c.json(errorEnvelope(error.code, error.message, error.details), error.status);
    // A bug in the local API itself; say so rather than hide it behind a generic message.
    return c.json(errorEnvelope('internal_error', `The local PUGUH API failed: ${String(error)}`), 500);
  });
  return app;
}
