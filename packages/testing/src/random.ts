/**
 * Where every id and secret of the local API comes from.
 *
 * With a `seed`, ids (and the service key) come from a seeded PRNG so a test run is reproducible;
 * secrets that guard something (refresh tokens, magic links, MFA secrets, salts) always come from
 * WebCrypto, because a predictable secret would make the server's checks meaningless.
 *
 * @example
 * ```ts
 * const random: RandomSource = createRandomSource('seed');
 * random.id('org'); // 'org_…'
 * ```
 *
 * @internal
 */
export interface RandomSource {
  /** Returns an id such as `usr_4k2…`: the prefix, an underscore and 20 base-36 characters. */
  id(prefix: string): string;
  /** Returns `byteLength` unpredictable bytes from WebCrypto. */
  secretBytes(byteLength: number): Uint8Array;
  /** Returns an unpredictable token such as `rt_…`: the prefix and 32 base64url characters. */
  secretToken(prefix: string): string;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 20;

/**
 * Creates the random source: seeded ids when `seed` is given, WebCrypto otherwise.
 *
 * @param seed Any string; the same seed gives the same sequence of ids.
 *
 * @returns The random source of one server.
 *
 * @example
 * ```ts
 * const random = createRandomSource('test-seed');
 * random.id('usr'); // always the same first id for 'test-seed'
 * ```
 *
 * @internal
 */
export function createRandomSource(seed?: string): RandomSource {
  const nextWord = seed === undefined ? pooledCryptoWords() : seededWords(seed);
  return {
    id(prefix) {
      let text = '';
      for (let index = 0; index < ID_LENGTH; index++) text += ID_ALPHABET[nextWord() % ID_ALPHABET.length];
      return `${prefix}_${text}`;
    },
    secretBytes,
    secretToken(prefix) {
      return `${prefix}_${base64Url(secretBytes(24))}`;
    },
  };
}

function secretBytes(byteLength: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(byteLength));
}

/**
 * Random words drawn from a buffer refilled 1,024 words at a time: every request mints an id, and
 * one WebCrypto call per id costs more than the rest of a small request.
 */
function pooledCryptoWords(): () => number {
  const pool = new Uint32Array(1024);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      globalThis.crypto.getRandomValues(pool);
      next = 0;
    }
    return pool[next++]!;
  };
}

/**
 * sfc32 seeded through a string hash (cyrb128-style mixing): small, fast, and good enough for
 * ids. The modulo bias of `% 36` on 32-bit words is irrelevant for ids.
 */
function seededWords(seed: string): () => number {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < seed.length; index++) {
    const code = seed.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  let a = Math.imul(h3 ^ (h1 >>> 18), 597399067) >>> 0;
  let b = Math.imul(h4 ^ (h2 >>> 22), 2869860233) >>> 0;
  let c = Math.imul(h1 ^ (h3 >>> 17), 951274213) >>> 0;
  let d = Math.imul(h2 ^ (h4 >>> 19), 2716044179) >>> 0;
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
}

/**
 * Encodes bytes as unpadded base64url.
 *
 * @param bytes The bytes to encode.
 *
 * @returns The base64url text, without `=` padding.
 *
 * @example
 * ```ts
 * base64Url(new Uint8Array([255, 255])); // '__8'
 * ```
 *
 * @internal
 */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
