import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, resolveApplicationId } from '@puguh/core/internal';
import { type Application, ApplicationSchema } from './schemas/application';

/**
 * Input of {@link getApplication}.
 *
 * @public
 */
export interface GetApplicationInput {
  /** The application (`app_…`); defaults to the core's application context. */
  readonly appId?: string | undefined;
}

/**
 * Fetches one application. Any member of its organization may read it.
 *
 * Exported from `@puguh/applications`; `client.applications.get()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The application; omit `appId` to use the application context.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns The application.
 *
 * @throws `TypeError` (nothing sent) when there is no `appId` and no application context.
 *   {@link AuthError} (401); {@link PuguhError} with `application_not_found` (404, also for a
 *   caller outside its organization); {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const app = await getApplication(core, { appId: 'app_123' });
 * ```
 *
 * @public
 */
export async function getApplication(
  core: PuguhCore,
  input: GetApplicationInput = {},
  options?: RequestOptions,
): Promise<Application> {
  requireInput(input, 'appId');
  const appId = resolveApplicationId(core, input.appId);
  return sendRequest(
    core,
    { method: 'GET', path: apiPath`v1/applications/${appId}`, schema: ApplicationSchema },
    options,
  );
}
