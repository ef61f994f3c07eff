import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SDK_VERSION } from './version';

test('SDK_VERSION matches package.json (pnpm version-packages keeps them equal)', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(SDK_VERSION).toBe(manifest.version);
});
