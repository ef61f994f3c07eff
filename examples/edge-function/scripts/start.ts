// `pnpm --filter @puguh-examples/edge-function start`: the local PUGUH API on 127.0.0.1:4010 and
// the worker in workerd (Miniflare) on 127.0.0.1:8787, until Ctrl-C.
import { createPuguhServer } from '@puguh/testing';
import { Miniflare } from 'miniflare';
import { bundleWorker } from './bundle-worker';

const API_PORT = 4010;
const WORKER_PORT = 8787;
const DEMO = { email: 'demo@puguh.test', password: 'demo-password', fullName: 'Demo User' };

function exitIfPortTaken(port: number) {
  return (error: NodeJS.ErrnoException): never => {
    if (error.code === 'EADDRINUSE' || /address already in use/i.test(String(error.message))) {
      console.error(
        `Port ${port} is in use: is another local PUGUH API or worker running? Stop it and retry.`,
      );
      process.exit(1);
    }
    throw error;
  };
}

const api = await createPuguhServer({ users: [DEMO] })
  .listen({ port: API_PORT, hostname: '127.0.0.1' })
  .catch(exitIfPortTaken(API_PORT));

const miniflare = new Miniflare({
  modules: true,
  // Unminified, so a stack trace in the console points at readable code.
  script: await bundleWorker({ minify: false }),
  compatibilityDate: '2026-04-01',
  bindings: { PUGUH_BASE_URL: api.url },
  host: '127.0.0.1',
  port: WORKER_PORT,
});
const workerUrl = await miniflare.ready.catch(exitIfPortTaken(WORKER_PORT));

// A token to try at once (valid 15 minutes), from a real login of the demo user.
const login = await fetch(`${api.url}/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: DEMO.email, password: DEMO.password }),
});
const { access_token: demoToken } = (await login.json()) as { access_token: string };

const worker = workerUrl.origin;
const loginBody = JSON.stringify({ email: DEMO.email, password: DEMO.password });
console.log(`PUGUH local API   ${api.url}   (JWKS: ${api.url}/.well-known/jwks.json)
Edge function     ${worker}   (workerd, PUGUH_BASE_URL=${api.url})

Without a token (401):
  curl -i ${worker}/

Log in as the demo user and call the worker with the token (200, the caller's claims):
  TOKEN=$(curl -s ${api.url}/v1/auth/login -H 'content-type: application/json' \\
    -d '${loginBody}' | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).access_token')
  curl -i ${worker}/ -H "authorization: Bearer $TOKEN"

Or use this demo token (valid 15 minutes):
  curl -i ${worker}/ -H "authorization: Bearer ${demoToken}"

Ctrl-C stops both.`);

// Miniflare registers its own SIGINT/SIGTERM hook, which kills workerd and exits at once. Ours is
// put first so the stop is announced and the API closed, and it still exits by itself should a
// later Miniflare stop doing so.
let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  // A stuck socket must not keep the process alive; the timer itself must not either.
  setTimeout(() => process.exit(1), 3_000).unref();
  void Promise.allSettled([miniflare.dispose(), api.close()]).then(() => process.exit(0));
}
process.prependOnceListener('SIGINT', stop);
process.prependOnceListener('SIGTERM', stop);
