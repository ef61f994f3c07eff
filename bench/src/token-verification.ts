// Section 2: verifying an access token with @puguh/auth against raw jose, with the same key set.
import { verifyAccessToken } from '@puguh/auth';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { scaled } from './environment';
import type { BenchServer } from './server-handle';
import { formatNumber, formatRatio, interleaved, markdownTable, median } from './stats';

const ROUNDS = 6;

interface Verifier {
  readonly name: string;
  readonly verify: () => Promise<unknown>;
}

/** Sequential verifications for `durationMs`; returns operations per second. */
async function opsPerSecond(verify: () => Promise<unknown>, durationMs: number): Promise<number> {
  let operations = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    await verify();
    operations++;
  }
  return operations / ((performance.now() - started) / 1000);
}

/**
 * Prints ops/s of each verifier and their ratio to raw jose.
 *
 * @param server The local API: it signs the token and serves the JWKS.
 */
export async function benchTokenVerification(server: BenchServer): Promise<void> {
  const token = await server.signAccessToken();
  const jwksUrl = new URL(`${server.url}/.well-known/jwks.json`);
  // One key set each, made once: jose caches the fetched keys in it, as a real verifier would.
  const jwks = createRemoteJWKSet(jwksUrl);
  const puguh = { baseUrl: server.url };
  const verifiers: readonly Verifier[] = [
    {
      name: 'raw jose: `jwtVerify(token, createRemoteJWKSet(url))` (baseline)',
      verify: () => jwtVerify(token, jwks),
    },
    {
      // What @puguh/auth checks on top of the signature, done with jose directly: separates the
      // cost of the extra checks from the cost of our wrapper.
      name: 'jose with the same checks as @puguh/auth',
      verify: () =>
        jwtVerify(token, jwks, {
          algorithms: ['ES256', 'RS256'],
          typ: 'JWT',
          issuer: new URL(server.url).origin,
          audience: 'puguh',
          clockTolerance: 5,
          maxTokenAge: '1 day',
          requiredClaims: ['exp', 'iat', 'sub'],
        }),
    },
    { name: '`verifyAccessToken({ baseUrl }, token)`', verify: () => verifyAccessToken(puguh, token) },
  ];
  const [baseline] = verifiers as [Verifier];

  // Warm caches: the first call of each fetches the JWKS; the rest warms the JIT.
  for (const { verify } of verifiers) await opsPerSecond(verify, scaled(500));
  const rounds = new Map<Verifier, number[]>(verifiers.map((v) => [v, []]));
  const segmentMs = scaled(1_000);
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of interleaved(verifiers, round))
      rounds.get(v)!.push(await opsPerSecond(v.verify, segmentMs));
  }

  const mean = (v: Verifier) => {
    const values = rounds.get(v)!;
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  console.log(
    `\n## 2. Token verification (ES256, warm JWKS cache)\n\n` +
      `Sequential verifications of one token signed by the local API; ${ROUNDS} interleaved rounds × ` +
      `${formatNumber(segmentMs / 1000, 1)} s each after a warm-up. Ratio = ops/s ÷ raw jose's ops/s ` +
      `(< 1 is slower); "per round" pairs each round with raw jose's same round.\n`,
  );
  console.log(
    markdownTable(
      ['verifier', 'ops/s', 'µs/op', 'ratio vs raw jose', 'ratio per round (median)'],
      verifiers.map((v) => {
        const perRound = rounds.get(v)!.map((value, round) => value / (rounds.get(baseline)![round] ?? 1));
        return [
          v.name,
          formatNumber(mean(v)),
          formatNumber(1e6 / mean(v), 1),
          formatRatio(mean(v) / mean(baseline)),
          formatRatio(median(perRound)),
        ];
      }),
    ),
  );
}
