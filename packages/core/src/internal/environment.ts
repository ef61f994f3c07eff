/**
 * Reads a variable from the process environment where one exists (Node, Bun, Deno with
 * `process`, workerd with `nodejs_compat`); elsewhere `undefined`. Never touched at import time.
 * An empty value counts as unset, so `PUGUH_API_KEY=` in a `.env` file does not become a key.
 */
export function readEnvironment(name: string): string | undefined {
  const environment = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = environment?.[name];
  return value === '' ? undefined : value;
}

/**
 * A browser page, where anything in the bundle is readable by every visitor. Web workers, edge
 * runtimes, Deno and Bun have no `document`, so they count as servers.
 */
export function isBrowserPage(): boolean {
  const scope = globalThis as { window?: { document?: unknown } };
  return typeof scope.window === 'object' && typeof scope.window?.document === 'object';
}
