import type { Hono } from 'hono';
import { openApiDocument } from '../openapi';
import type { AppEnv, ServerState } from '../state';

/**
 * Registers the discovery routes: the JWKS (public keys only) and the OpenAPI document.
 *
 * @param app The hono app.
 * @param state The server state.
 *
 * @example
 * ```ts
 * discoveryRoutes(app, state);
 * ```
 *
 * @internal
 */
export function discoveryRoutes(app: Hono<AppEnv>, state: ServerState): void {
  app.get('/.well-known/jwks.json', async (c) => {
    const keys = await state.keys.all();
    return c.json({ keys: keys.map((key) => key.publicJwk) });
  });

  app.get('/openapi.json', (c) => c.json(openApiDocument));
}
