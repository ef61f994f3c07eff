import { PuguhClient, type PuguhLogger, type ResponseHook } from '@puguh/sdk';

/**
 * A client that acts as the caller, with the caller's own token and nothing of the service's.
 *
 * Why a new `PuguhClient` per request rather than a core derived from the service client:
 * `withContext` derives a core that shares the parent's *credentials*, so it would send the
 * service key. A fresh client shares only the (public) base URL. Constructing one does no I/O
 * (the HTTP transport is created lazily on the first call), so it is cheap enough per request.
 *
 * The token is required here on purpose: `new PuguhClient({ baseUrl })` without an
 * `accessToken` falls back to `PUGUH_API_KEY` from the environment, which would quietly turn
 * an anonymous caller into the service.
 *
 * @param service The service client; only its base URL is used.
 * @param accessToken The caller's access token (never logged or echoed).
 * @param hooks The debug logger and `onResponse` hook, if any (neither ever sees the token).
 *
 * @returns A client to use for this request only; `close()` it (or `await using` it) afterwards.
 *
 * @example
 * ```ts
 * await using user = createUserClient(client, token);
 * const firstPage = await user.organizations.list();
 * ```
 */
export function createUserClient(
  service: PuguhClient,
  accessToken: string,
  hooks: { readonly logger?: PuguhLogger | undefined; readonly onResponse?: ResponseHook | undefined } = {},
): PuguhClient {
  return new PuguhClient({
    baseUrl: service.core.baseUrl,
    accessToken,
    logger: hooks.logger,
    onResponse: hooks.onResponse,
  });
}
