/**
 * The hono environment of the service: what a route tells the error handler about itself.
 *
 * @example
 * ```ts
 * const app = new Hono<ServiceEnv>();
 * app.get('/me', (c) => {
 *   c.set('forwardsCallerToken', true);
 *   // …
 * });
 * ```
 */
export interface ServiceEnv {
  Variables: {
    /**
     * Set by routes that call PUGUH with the caller's own token. Only then does an `AuthError`
     * mean "your session is bad" (401); on the service key it means our configuration is broken.
     */
    forwardsCallerToken: boolean;
  };
}
