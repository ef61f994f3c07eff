// `pnpm demo` runs this file: the whole demo, with exit code 0 only if every step passed.
import { runDemo } from './run-demo';

try {
  const { failed } = await runDemo({ print: (line) => console.log(line) });
  process.exitCode = failed === 0 ? 0 : 1;
} catch (error) {
  // Only setting up (starting the local API) can end up here; steps report their own failures.
  console.error(
    `The demo could not start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  process.exitCode = 1;
}
