import { isPuguhError, NetworkError } from '@puguh/core';
import { escapeHtml } from './escape-html';

/**
 * The message shown when no response arrived at all: the usual cause in development is that
 * the local API is not running.
 */
export const UNAVAILABLE_MESSAGE = 'Pricing is unavailable right now — is the PUGUH API running?';

/**
 * Turns a failed `getPlans` call into something a visitor can read. A `NetworkError` (refused,
 * timed out, DNS) means the API is unreachable; anything else gets a generic message with the
 * request id, which support can look up.
 *
 * @param error Whatever `getPlans` rejected with.
 *
 * @returns An HTML string.
 *
 * @example
 * ```ts
 * getPlans(core).catch((error) => { section.innerHTML = renderLoadError(error); });
 * ```
 */
export function renderLoadError(error: unknown): string {
  if (error instanceof NetworkError) return `<p class="notice error" role="alert">${UNAVAILABLE_MESSAGE}</p>`;
  const requestId = isPuguhError(error) ? error.requestId : undefined;
  const reference =
    requestId === undefined ? '' : ` (request id <code class="request-id">${escapeHtml(requestId)}</code>)`;
  return `<p class="notice error" role="alert">Pricing could not be loaded${reference}. Please try again later.</p>`;
}
