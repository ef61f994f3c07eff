// The process: one PuguhClient from the environment, the service on 127.0.0.1:$PORT, and a
// graceful shutdown on SIGINT/SIGTERM. Everything testable lives in app.ts and service.ts.
import { PuguhClient } from '@puguh/sdk';
import { debugLogger, readPort } from './config';
import { startService } from './service';
import { onShutdownSignal } from './shutdown-signals';
import { logUpstreamCalls } from './upstream-log';

const logger = debugLogger(process.env);
// Every upstream call, one line on stderr: request id, status, quota left.
const onResponse = logUpstreamCalls((line) => console.error(line));
let client: PuguhClient;
let port: number;
try {
  port = readPort(process.env);
  // Reads PUGUH_BASE_URL and PUGUH_API_KEY. Created once, here, and reused by every request.
  client = new PuguhClient({ logger, onResponse });
} catch (error) {
  // A TypeError/RangeError naming the missing or bad setting (never its value).
  console.error(`backend-service: ${(error as Error).message}`);
  process.exit(1);
}

const service = await startService({ client, port, logger, onResponse });
// Tests and scripts read the port from this line when PORT=0.
console.log(`backend-service listening on ${service.url}`);

onShutdownSignal(async (signal) => {
  console.log(`${signal}: finishing requests in flight, then closing the PUGUH client`);
  const outcome = await service.stop();
  console.log(
    outcome === 'drained' ? 'stopped' : 'stopped after cutting requests that outlived the grace period',
  );
  return outcome === 'drained' ? 0 : 1;
});
