/**
 * Runs `shutdown` on the first SIGINT or SIGTERM (Ctrl-C, `docker stop`, Kubernetes), then exits
 * with the code it returns. A second signal while shutting down exits at once with code 1, for
 * the impatient operator.
 *
 * @param shutdown Stops the service; resolves with the exit code.
 *
 * @example
 * ```ts
 * onShutdownSignal(async (signal) => {
 *   console.log(`${signal}: stopping`);
 *   await server.close();
 *   await client.close();
 *   return 0;
 * });
 * ```
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<number>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    shutdown(signal).then(
      (code) => process.exit(code),
      (error: unknown) => {
        console.error('backend-service: shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
