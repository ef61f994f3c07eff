// The SDK's smoke program for Bun and Deno: the BUILT packages (dist, plain package resolution,
// no source condition) against a local PUGUH API that scripts/run-conformance.mjs started on
// loopback. It registers and logs in, lists organizations, creates one, lists again and verifies
// the access token locally, then prints one JSON line: { runtime, version, results: [...] }.
//
//   PUGUH_BASE_URL=http://127.0.0.1:PORT CONFORMANCE_RUNTIME=bun bun smoke/smoke.mjs
//   PUGUH_BASE_URL=… CONFORMANCE_RUNTIME=deno deno run --allow-net --allow-env --allow-read smoke/smoke.mjs
import { AuthError, PuguhClient, verifyAccessToken } from '@puguh/sdk';

const env = (name) => globalThis.Deno?.env.get(name) ?? globalThis.process?.env?.[name];
const baseUrl = env('PUGUH_BASE_URL');
const expected = env('CONFORMANCE_RUNTIME');
const runtime = globalThis.Bun ? 'bun' : globalThis.Deno ? 'deno' : 'other';
const version = globalThis.Bun?.version ?? globalThis.Deno?.version.deno ?? globalThis.process?.version;

const results = [];
/** Runs one step; a failed step is recorded and the program goes on with the next. */
async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true, durationMs: Date.now() - started });
  } catch (error) {
    results.push({ name, ok: false, durationMs: Date.now() - started, error: String(error?.stack ?? error) });
  }
}
function check(condition, message) {
  if (!condition) throw new Error(message);
}

const suffix = crypto.randomUUID().slice(0, 8);
const email = `smoke-${runtime}-${suffix}@example.test`;
const password = `correct horse ${suffix}`;
let user;
let session;

await step(`runs in ${expected}`, () => {
  check(runtime === expected, `expected ${expected}, running in ${runtime} ${version}`);
  check(baseUrl?.startsWith('http://127.0.0.1:'), `PUGUH_BASE_URL must be a loopback URL, got ${baseUrl}`);
});

await step('@puguh/sdk resolves to its built dist', () => {
  // Bun and Deno must test what users install, never the TypeScript source.
  const resolved = import.meta.resolve('@puguh/sdk');
  check(/\/packages\/sdk\/dist\/index\.js$/.test(resolved), `@puguh/sdk resolved to ${resolved}`);
});

await step('register and log in', async () => {
  const anonymous = new PuguhClient({ baseUrl, maxRetries: 0 });
  const registered = await anonymous.auth.register({ email, password, fullName: `Smoke ${runtime}` });
  const tokens = await anonymous.auth.login({ email, password });
  check(tokens.user.userId === registered.userId, 'login returned another user');
  user = registered;
  session = { tokens, client: new PuguhClient({ baseUrl, accessToken: tokens.accessToken, maxRetries: 0 }) };
});

await step('list, create, list organizations', async () => {
  const before = await session.client.organizations.list();
  check(
    Array.isArray(before) && before.length === 0,
    `a new user has no organizations, got ${before.length}`,
  );
  const created = await session.client.organizations.create({
    name: `Smoke ${runtime}`,
    slug: `smoke-${suffix}`,
  });
  const after = [];
  for await (const organization of session.client.organizations.list()) after.push(organization.id);
  check(after.length === 1 && after[0] === created.id, `expected [${created.id}], got [${after}]`);
});

await step('verifyAccessToken accepts the login token', async () => {
  const claims = await verifyAccessToken(session.client.core, session.tokens.accessToken);
  check(claims.sub === user.userId && claims.email === email, `unexpected claims ${JSON.stringify(claims)}`);
});

await step('verifyAccessToken refuses a tampered token with AuthError', async () => {
  const [header, payload, signature] = session.tokens.accessToken.split('.');
  const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
  const error = await verifyAccessToken(session.client.core, `${header}.${payload}.${flipped}`).then(
    () => undefined,
    (failure) => failure,
  );
  check(error instanceof AuthError, `expected AuthError, got ${error}`);
});

console.log(JSON.stringify({ runtime, version, results }));
// Deno and Bun both define process.exitCode through their Node compatibility.
if (results.some((result) => !result.ok)) globalThis.process.exitCode = 1;
