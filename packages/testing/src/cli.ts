#!/usr/bin/env node
// `puguh-local`: the local PUGUH API on a loopback port, until Ctrl-C.
import { formatBanner, parseCliArguments, startLocalApi, USAGE } from './cli-options';

const command = parseCliArguments(process.argv.slice(2));
if (command.kind === 'help') {
  console.log(USAGE);
} else if (command.kind === 'error') {
  console.error(`puguh-local: ${command.message}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    const api = await startLocalApi(command);
    console.log(formatBanner(api));
    const stop = (signal: string): void => {
      console.log(`\n${signal}: stopping…`);
      // A stuck socket must not keep the process alive; the timer itself must not either.
      setTimeout(() => process.exit(0), 3000).unref();
      api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  } catch (error) {
    console.error(`puguh-local: could not start: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
