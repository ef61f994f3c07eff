/**
 * A stored password: PBKDF2-SHA256 over a per-user random salt.
 *
 * @example
 * ```ts
 * const stored: PasswordHash = await hashPassword('correct horse');
 * ```
 *
 * @internal
 */
export interface PasswordHash {
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
  readonly iterations: number;
}

/**
 * Fewer rounds than a production store would use (OWASP suggests 600,000): this server exists
 * for tests, and registering hundreds of users per suite must stay fast. The shape of the check
 * (salted, slow hash, constant-time compare) is the real one.
 */
const ITERATIONS = 10_000;
const encoder = new TextEncoder();

/**
 * Hashes a password with PBKDF2-SHA256 and a fresh 16-byte salt.
 *
 * @param password The plain-text password.
 * @param salt The salt to use; a new random one by default.
 *
 * @returns The salt, the derived 32-byte hash and the iteration count.
 *
 * @example
 * ```ts
 * const stored = await hashPassword('correct horse battery staple');
 * ```
 *
 * @internal
 */
export async function hashPassword(
  password: string,
  salt: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(16)),
): Promise<PasswordHash> {
  return { salt, hash: await derive(password, salt, ITERATIONS), iterations: ITERATIONS };
}

/**
 * Checks a password against a stored hash in constant time.
 *
 * @param password The candidate password.
 * @param stored The stored hash, or `undefined` for an unknown account: a dummy hash is still
 *   derived so that the response time does not tell which emails are registered.
 *
 * @returns Whether the password matches.
 *
 * @example
 * ```ts
 * await verifyPassword('guess', stored); // false
 * ```
 *
 * @internal
 */
export async function verifyPassword(password: string, stored: PasswordHash | undefined): Promise<boolean> {
  const reference = stored ?? DUMMY;
  const candidate = await derive(password, reference.salt, reference.iterations);
  return constantTimeEqual(candidate, reference.hash) && stored !== undefined;
}

/**
 * Compares two byte arrays without an early exit, so timing does not leak the common prefix.
 *
 * @param left The first bytes.
 * @param right The second bytes.
 *
 * @returns Whether both have the same length and content.
 *
 * @example
 * ```ts
 * constantTimeEqual(new Uint8Array([1]), new Uint8Array([1])); // true
 * ```
 *
 * @internal
 */
export function constantTimeEqual(left: Uint8Array, right: Uint8Array): boolean {
  let difference = left.length ^ right.length;
  for (let index = 0; index < left.length; index++) difference |= left[index]! ^ (right[index] ?? 0);
  return difference === 0;
}

/**
 * Compares two strings in constant time (for the service key and recovery codes).
 *
 * @param left The first string.
 * @param right The second string.
 *
 * @returns Whether they are equal.
 *
 * @example
 * ```ts
 * constantTimeEqualText(header, apiKey);
 * ```
 *
 * @internal
 */
export function constantTimeEqualText(left: string, right: string): boolean {
  return constantTimeEqual(encoder.encode(left), encoder.encode(right));
}

const DUMMY: PasswordHash = { salt: new Uint8Array(16), hash: new Uint8Array(32), iterations: ITERATIONS };

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}
