import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const source = fileURLToPath(new URL('.', import.meta.url));
/** Modules allowed to use Node: the one `listen()` loads lazily, and the CLI. */
const NODE_MODULES = new Set(['listen.ts', 'cli.ts', 'cli-options.ts']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Static value imports and re-exports (not `import type`, not dynamic `import()`) of a module. */
function staticImports(code: string): string[] {
  return [
    ...code.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm),
    ...code.matchAll(/^import\s+'([^']+)'/gm),
  ].map((match) => match[1]!);
}

test('no Node import outside the listen and CLI modules', () => {
  for (const file of sourceFiles(source)) {
    if (NODE_MODULES.has(file.slice(source.length))) continue;
    const imports = staticImports(readFileSync(file, 'utf8'));
    expect(
      imports.filter((specifier) => specifier.startsWith('node:') || specifier === '@hono/node-server'),
      file,
    ).toEqual([]);
  }
});

test('the package entry does not statically reach listen.ts, so server.fetch runs in edge runtimes', () => {
  const seen = new Set<string>();
  const visit = (relative: string): void => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const code = readFileSync(join(source, relative), 'utf8');
    for (const specifier of staticImports(code)) {
      if (!specifier.startsWith('.')) continue;
      visit(join(relative, '..', `${specifier}.ts`).replace(/^\.\//, ''));
    }
  };
  visit('index.ts');
  expect(seen.has('listen.ts')).toBe(false);
  expect(seen.has('server.ts')).toBe(true);
  expect(seen.has(join('routes', 'auth.ts'))).toBe(true);
  // A computed specifier: bundlers for edge runtimes must not follow it into `node:http`.
  expect(readFileSync(join(source, 'server.ts'), 'utf8')).toMatch(
    /await import\(\s*\/\* webpackIgnore: true \*\/\s*\/\* @vite-ignore \*\/\s*listenModule\(\)\s*\)/,
  );
});
