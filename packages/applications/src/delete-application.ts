import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveApplicationId } from '@puguh/core/internal';

/**
 * Input of {@link deleteApplication}.
 *
 * @public
 */
export interface DeleteApplicationInput {
  /** The application (`app_…`); defaults to the core's application context. */
  readonly appId?: string | undefined;
}

/**
 * Deletes an application. Needs the `admin` or `owner` role in its organization (or the service
 * key).
 *
 * Exported from `@puguh/applications`; `client.applications.delete()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The application; omit `appId` to use the application context.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns Nothing, once the application is gone.
 *
 * @throws `TypeError` (nothing sent) when there is no `appId` and no application context.
 *   {@link AuthError} (401); {@link PuguhError} with `forbidden` (403), `application_not_found`
 *   (404); {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * await deleteApplication(core, { appId: 'app_123' });
 * ```
 *
 * @public
 */
export async function deleteApplication(
  core: PuguhCore,
  input: DeleteApplicationInput = {},
  options?: RequestOptions,
): Promise<void> {
  requireInput(input, 'appId');
  const appId = resolveApplicationId(core, input.appId);
  return sendRequest(core, { method: 'DELETE', path: apiPath`v1/applications/${appId}` }, options);
}
