import { type PuguhCore, type RequestOptions, sendRequest } from '@puguh/core';
import { requireEmail, requireInput } from '@puguh/core/internal';

/**
 * Input of {@link requestMagicLink}.
 *
 * @public
 */
export interface RequestMagicLinkInput {
  /** Where to send the sign-in link. */
  readonly email: string;
}

/**
 * Sends a single-use sign-in link to an e-mail address. A public endpoint: no credential is sent.
 *
 * It resolves the same way whether or not the address has an account, so the call cannot be used
 * to find out who is registered; an unknown address simply receives nothing.
 *
 * Exported from `@puguh/auth`; `client.auth.requestMagicLink()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The recipient.
 * @param options Per-call options, such as an abort signal.
 *
 * @returns Nothing, once the API accepted the request.
 *
 * @throws `TypeError` before any request when `email` is not an e-mail address.
 *   {@link RateLimitError}, {@link NetworkError}, {@link PuguhError}.
 *
 * @example
 * ```ts
 * await requestMagicLink(core, { email: 'ada@example.com' });
 * // later, with the token from the link: await verifyMagicLink(core, { token })
 * ```
 *
 * @public
 */
export async function requestMagicLink(
  core: PuguhCore,
  input: RequestMagicLinkInput,
  options?: RequestOptions,
): Promise<void> {
  requireInput(input, 'email');
  const body = { email: requireEmail('email', input?.email) };
  return sendRequest(
    core,
    { method: 'POST', path: 'v1/auth/magic-link', body, authenticate: false },
    options,
  );
}
