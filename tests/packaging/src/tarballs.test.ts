import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Manifest,
  manifestTargets,
  PNPM,
  type PublishedPackage,
  publishedPackages,
  readTarball,
  run,
} from './support';

const packages = publishedPackages();
const versions = new Map(packages.map((found) => [found.manifest.name, found.manifest.version]));

interface Packed {
  readonly file: string;
  readonly size: number;
  readonly entries: Map<string, Buffer>;
  readonly manifest: Manifest;
}

/** Files a tarball must never hold: tests, fixtures, build and test configuration, local state. */
const FORBIDDEN: readonly RegExp[] = [
  /\.test\.ts$/,
  /\.test-d\.ts$/,
  /(^|\/)test-support\//,
  /(^|\/)__fixtures__\//,
  /(^|\/)tsconfig[^/]*\.json$/,
  /(^|\/)vitest\.config\.ts$/,
  /(^|\/)tsup\.config\.ts$/,
  /(^|\/)test-results\//,
  /(^|\/)node_modules\//,
  /(^|\/)\.turbo\//,
  /\.tgz$/,
];

describe('pnpm pack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'puguh-pack-'));
  const packed = new Map<string, Packed>();

  beforeAll(async () => {
    // One at a time: concurrent pnpm processes in one workspace race on its state file.
    for (const { dir: name, path } of packages) {
      const destination = join(dir, name);
      const result = await run('npx', [...PNPM, 'pack', '--pack-destination', destination], {
        cwd: path,
        timeoutMs: 120_000,
      });
      if (result.code !== 0) throw new Error(`pnpm pack in packages/${name} failed:\n${result.stderr}`);
      const file = result.stdout
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.endsWith('.tgz'));
      if (file === undefined) throw new Error(`pnpm pack printed no tarball:\n${result.stdout}`);
      const entries = readTarball(file);
      const manifest = JSON.parse(entries.get('package/package.json')?.toString('utf8') ?? '{}') as Manifest;
      packed.set(name, { file, size: statSync(file).size, entries, manifest });
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const cases = packages.map((found) => [found.manifest.name, found] as const);
  const get = (found: PublishedPackage): Packed => {
    const result = packed.get(found.dir);
    if (result === undefined) throw new Error(`${found.manifest.name} was not packed`);
    return result;
  };
  const files = (found: PublishedPackage): string[] =>
    [...get(found).entries.keys()].map((path) => path.replace(/^package\//, '')).sort();

  test.each(cases)('%s: holds the manifest, the build, the README and the LICENSE', (_name, found) => {
    expect(files(found)).toEqual(
      expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE']),
    );
    expect(get(found).manifest.name).toBe(found.manifest.name);
    expect(get(found).manifest.version).toBe(found.manifest.version);
  });

  test.each(cases)('%s: holds no tests, fixtures, configs or local state', (_name, found) => {
    expect(files(found).filter((path) => FORBIDDEN.some((pattern) => pattern.test(path)))).toEqual([]);
    // Everything else is the build, the shipped source (for the `@puguh/source` condition and the
    // source maps) and the three top-level files.
    expect(
      files(found).filter(
        (path) => !/^(dist|src)\//.test(path) && !['package.json', 'README.md', 'LICENSE'].includes(path),
      ),
    ).toEqual([]);
  });

  test.each(cases)('%s: every exports, main, types and bin target is in the tarball', (_name, found) => {
    const inTarball = new Set(files(found));
    const missing = manifestTargets(get(found).manifest).filter(
      (target) => !inTarball.has(target.replace(/^\.\//, '')),
    );
    expect(missing).toEqual([]);
  });

  test.each(cases)('%s: the source maps point at files in the tarball', (_name, found) => {
    const inTarball = new Set(files(found));
    const dangling: string[] = [];
    for (const [path, content] of get(found).entries) {
      if (!path.endsWith('.js.map')) continue;
      const map = JSON.parse(content.toString('utf8')) as { sources: string[] };
      const base = path.replace(/^package\//, '').replace(/[^/]+$/, '');
      for (const source of map.sources) {
        const resolved = new URL(source, `file:///${base}`).pathname.slice(1);
        if (!inTarball.has(resolved)) dangling.push(`${path} → ${source}`);
      }
    }
    expect(dangling).toEqual([]);
  });

  test.each(cases)('%s: workspace: ranges are rewritten to the released versions', (_name, found) => {
    const { manifest } = get(found);
    const groups = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;
    for (const group of groups) {
      for (const [dependency, range] of Object.entries(manifest[group] ?? {})) {
        expect(range, `${group}.${dependency}`).not.toMatch(/^workspace:/);
        const written = found.manifest[group]?.[dependency];
        const version = versions.get(dependency);
        if (written === 'workspace:*' && version !== undefined) expect(range, dependency).toBe(version);
        if (written === 'workspace:^' && version !== undefined) expect(range, dependency).toBe(`^${version}`);
        if (written?.startsWith('workspace:') && !['*', '^', '~'].includes(written.slice(10))) {
          expect(range, dependency).toBe(written.slice('workspace:'.length));
        }
      }
    }
  });

  test('@puguh/sdk depends on the exact versions of the packages it bundles', () => {
    const sdk = packages.find((found) => found.manifest.name === '@puguh/sdk');
    if (sdk === undefined) throw new Error('no @puguh/sdk');
    const dependencies = get(sdk).manifest.dependencies ?? {};
    for (const name of [
      '@puguh/core',
      '@puguh/auth',
      '@puguh/organizations',
      '@puguh/applications',
      '@puguh/billing',
    ]) {
      expect(dependencies[name], name).toBe(versions.get(name));
    }
  });

  test('the tarballs stay small', () => {
    for (const found of packages) {
      // The largest, @puguh/testing (a whole local API plus its source and maps), packs to ~200 kB.
      expect(get(found).size, found.manifest.name).toBeLessThan(1_000_000);
    }
  });
});
