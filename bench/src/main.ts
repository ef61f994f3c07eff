// `pnpm bench`: the SDK's benchmarks (DESIGN §8, issue 7). Reported, never a pass/fail gate on
// speed: the process exits non-zero only when a measurement is invalid (failed requests, a soak
// outcome other than expected, handles left open).
//
// Packages are resolved without the `@puguh/source` condition, i.e. from their built `dist`, as
// users install them; the `bench` script builds them first.
import { benchColdImport } from './cold-import';
import { environmentLine, loadAverage } from './environment';
import { benchHttpOverhead } from './http-overhead';
import { startServer } from './server-handle';
import { benchSoak } from './soak';
import { benchTokenVerification } from './token-verification';

console.log('# PUGUH SDK benchmarks\n');
console.log(environmentLine());
console.log(
  '\nShared, noisy machines: compare only the ratios within one run, never numbers across runs. ' +
    'Every HTTP call goes to the local PUGUH API (`@puguh/testing`, rate limiting off) on 127.0.0.1, ' +
    'running in a child process.',
);

const server = await startServer();
let invalid = false;
try {
  invalid = await benchHttpOverhead(server);
  await benchTokenVerification(server);
  benchColdImport(server.url);
} finally {
  await server.close();
}
invalid = (await benchSoak()) || invalid;

console.log(`\nLoad average at the end: ${loadAverage()} (1/5/15 min).`);
if (invalid) {
  console.error('\nSome measurements are invalid (failed requests or soak problems): see above.');
  process.exitCode = 1;
}
