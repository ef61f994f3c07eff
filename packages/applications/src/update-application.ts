import { apiPath, type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireInput, requireSlug, requireText, resolveApplicationId } from '@puguh/core/internal';
import { type Application, ApplicationSchema } from './schemas/application';

/**
 * Input of {@link updateApplication}: the fields to change (at least one).
 *
 * @public
 */
export interface UpdateApplicationInput {
  /** The application (`app_…`); defaults to the core's application context. */
  readonly appId?: string | undefined;
  /** New display name. */
  readonly name?: string | undefined;
  /** New slug, unique among the organization's applications. */
  readonly slug?: string | undefined;
}

/**
 * Renames an application or changes its slug. Needs the `admin` or `owner` role in its
 * organization (or the service key).
 *
 * Exported from `@puguh/applications`; `client.applications.update()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The application and the fields to change.
 * @param options Per-call options, such as an abort signal or an idempotency key.
 *
 * @returns The updated application.
 *
 * @throws `TypeError` (nothing sent) when neither `name` nor `slug` is given, one is blank, or
 *   there is no `appId` and no application context. {@link AuthError} (401); {@link PuguhError}
 *   with `forbidden` (403), `application_not_found` (404), `slug_taken` (409);
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * const app = await updateApplication(core, { appId: 'app_123', name: 'My SaaS App v2' });
 * ```
 *
 * @public
 */
export async function updateApplication(
  core: PuguhCore,
  input: UpdateApplicationInput,
  options?: RequestOptions,
): Promise<Application> {
  requireInput(input, 'appId');
  const body: { name?: string; slug?: string } = {};
  if (input?.name !== undefined) body.name = requireText('name', input.name);
  if (input?.slug !== undefined) body.slug = requireSlug('slug', input.slug);
  // An empty PATCH would be a round trip that changes nothing; it is almost always a bug.
  if (body.name === undefined && body.slug === undefined) {
    throw new TypeError('updateApplication needs at least one of name or slug');
  }
  const appId = resolveApplicationId(core, input.appId);
  return sendRequest(
    core,
    { method: 'PATCH', path: apiPath`v1/applications/${appId}`, body, schema: ApplicationSchema },
    options,
  );
}
