// Fresh users, organizations and clients for each test: every runtime runs the suite against the
// same server at the same time, so nothing may be shared and every email and slug is unique.
import { PuguhClient, type PuguhOptions, type TokenSet, type User } from '@puguh/sdk';
import { apiUrl } from './provided';

/** A short random suffix; lower-case hex, so it fits slugs and email local parts alike. */
export const unique = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export const uniqueEmail = (): string => `${unique('user')}@example.test`;

/**
 * A client of the local API. No retries: a test that expects one response must see exactly that
 * response, not the outcome of a hidden second attempt.
 */
export const client = (options: PuguhOptions = {}): PuguhClient =>
  new PuguhClient({ baseUrl: apiUrl(), maxRetries: 0, ...options });

export interface SignedUp {
  readonly email: string;
  readonly password: string;
  readonly user: User;
  readonly tokens: TokenSet;
  /** A client acting as this user (its access token). */
  readonly client: PuguhClient;
}

/** Registers a new user through the public SDK and logs in. */
export async function signUp(fullName = 'Conformance User'): Promise<SignedUp> {
  const anonymous = client();
  const email = uniqueEmail();
  const password = `correct horse ${crypto.randomUUID()}`;
  const user = await anonymous.auth.register({ email, password, fullName });
  const tokens = await anonymous.auth.login({ email, password });
  return { email, password, user, tokens, client: client({ accessToken: tokens.accessToken }) };
}
