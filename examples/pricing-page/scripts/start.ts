// `pnpm --filter @puguh-examples/pricing-page start`: the local PUGUH API on 127.0.0.1:4010 and
// the page's Vite dev server pointed at it, until Ctrl-C.
import { fileURLToPath } from 'node:url';
import { createPuguhServer } from '@puguh/testing';
import { createServer } from 'vite';

const API_PORT = 4010;
const root = fileURLToPath(new URL('..', import.meta.url));

const api = await createPuguhServer()
  .listen({ port: API_PORT, hostname: '127.0.0.1' })
  .catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `Port ${API_PORT} is in use: is another local PUGUH API (or example) running? Stop it and retry.`,
      );
      process.exit(1);
    }
    throw error;
  });

// Vite reads VITE_* variables from the environment when it resolves the config.
process.env.VITE_PUGUH_BASE_URL = api.url;
const vite = await createServer({
  root,
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  server: { host: '127.0.0.1' },
});
await vite.listen();

console.log(`PUGUH local API   ${api.url}   (plans: ${api.url}/v1/billing/plans)`);
console.log(`Pricing page      ${vite.resolvedUrls?.local[0] ?? '(see above)'}`);
console.log('Ctrl-C stops both.');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  // A stuck socket must not keep the process alive; the timer itself must not either.
  setTimeout(() => process.exit(1), 3_000).unref();
  await Promise.allSettled([vite.close(), api.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
