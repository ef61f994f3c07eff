import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const MARKER = /<!-- snippet: (\S+) -->\s*```ts\n([\s\S]*?)```/g;

describe('README snippets', () => {
  const snippets = [...readme.matchAll(MARKER)].map(([, path, code]) => ({
    path: path as string,
    code: code as string,
  }));

  test('the README has snippets to check', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(8);
  });

  test.each(snippets.map((snippet) => [snippet.path, snippet] as const))(
    '%s in the README is the type-checked file, word for word',
    (path, { code }) => {
      expect(code).toBe(readFileSync(new URL(path, root), 'utf8'));
    },
  );

  test('every TypeScript block in the README is one of those snippets', () => {
    const allBlocks = readme.match(/```ts\n/g)?.length ?? 0;
    expect(allBlocks).toBe(snippets.length);
  });
});
