import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { manifestTargets, publishedPackages } from './support';

const packages = publishedPackages();

describe('the built packages', () => {
  test('are the seven published ones', () => {
    expect(packages.map((found) => found.manifest.name)).toEqual([
      '@puguh/applications',
      '@puguh/auth',
      '@puguh/billing',
      '@puguh/core',
      '@puguh/organizations',
      '@puguh/sdk',
      '@puguh/testing',
    ]);
  });

  test.each(packages.map((found) => [found.manifest.name, found] as const))(
    '%s: every exports, main, types and bin target exists',
    (_name, { path, manifest }) => {
      const targets = manifestTargets(manifest);
      expect(targets).toContain('./dist/index.js');
      expect(targets).toContain('./dist/index.d.ts');
      expect(targets.filter((target) => !existsSync(join(path, target)))).toEqual([]);
    },
  );

  test.each(packages.map((found) => [found.manifest.name, found] as const))(
    '%s: the source condition comes first, then types, then default',
    (_name, { manifest }) => {
      const root = (manifest.exports as Record<string, unknown>)['.'] as Record<string, string>;
      expect(Object.keys(root)).toEqual(['@puguh/source', 'types', 'default']);
      expect(root).toEqual({
        '@puguh/source': './src/index.ts',
        types: './dist/index.d.ts',
        default: './dist/index.js',
      });
    },
  );

  test.each(packages.map((found) => [found.manifest.name, found] as const))(
    '%s: the packaging fields are set, the same way as in every other package',
    (_name, { dir, manifest }) => {
      const m = manifest as unknown as Record<string, unknown>;
      expect(m.type).toBe('module');
      expect(m.license).toBe('MIT');
      expect(m.description).toMatch(/\S/);
      expect(m.keywords).toContain('puguh');
      expect(m.engines).toEqual({ node: '>=20.19' });
      expect(m.repository).toEqual({
        type: 'git',
        url: 'git+https://github.com/puguh/puguh-sdk-js.git',
        directory: `packages/${dir}`,
      });
      expect(m.main).toBe('./dist/index.js');
      expect(m.types).toBe('./dist/index.d.ts');
      expect(m.files).toEqual([
        'dist',
        'src',
        '!src/**/*.test.ts',
        '!src/**/*.test-d.ts',
        '!src/**/__fixtures__',
        '!src/**/test-support',
      ]);
      expect(m.publishConfig).toEqual({ access: 'public' });
      // Importing a package does nothing. The one exception is the CLI of @puguh/testing, a `bin`
      // that no import reaches; it is declared so that no tool mistakes it for pure.
      expect(m.sideEffects).toEqual(dir === 'testing' ? ['./dist/cli.js', './src/cli.ts'] : false);
    },
  );

  test('the domain packages take @puguh/core as a peer, and @puguh/sdk pins exact workspace versions', () => {
    const byName = new Map(packages.map((found) => [found.manifest.name, found.manifest]));
    for (const name of ['@puguh/auth', '@puguh/organizations', '@puguh/applications', '@puguh/billing']) {
      // Any 0.x core: a caret on 0.x would make every core minor a major of each domain package
      // (docs/decisions/0006-versioning.md).
      expect(byName.get(name)?.peerDependencies, name).toEqual({ '@puguh/core': 'workspace:>=0.1.0 <1.0.0' });
      expect(byName.get(name)?.devDependencies?.['@puguh/core'], name).toBe('workspace:*');
      expect(Object.keys(byName.get(name)?.dependencies ?? {}), name).not.toContain('@puguh/core');
    }
    const sdk = byName.get('@puguh/sdk');
    expect(sdk?.dependencies).toEqual({
      '@puguh/core': 'workspace:*',
      '@puguh/auth': 'workspace:*',
      '@puguh/organizations': 'workspace:*',
      '@puguh/applications': 'workspace:*',
      '@puguh/billing': 'workspace:*',
    });
  });

  test('the puguh-local CLI is an executable script', () => {
    const testing = packages.find((found) => found.manifest.name === '@puguh/testing');
    const bin = testing?.manifest.bin as Record<string, string> | undefined;
    expect(bin).toEqual({ 'puguh-local': './dist/cli.js' });
    const cli = readFileSync(join(testing?.path ?? '', './dist/cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
