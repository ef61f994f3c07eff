#!/usr/bin/env node
// The oldest TypeScript the published types support, proved as a user meets it: pack every
// package, install the tarballs into an empty consumer project with exactly that TypeScript, and
// type-check every README snippet there — strict, without skipLibCheck, so the types of our
// dependencies (valibot, ky, jose) count too. Needs the npm registry (it installs like a user);
// `.ci/run` runs it after the build.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Stated in the README and every package README; change them together. */
const TYPESCRIPT = '5.2.2';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'puguh-ts-floor-'));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const packages = readdirSync(join(root, 'packages')).filter(
    (dir) => !JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')).private,
  );
  for (const dir of packages)
    run('npx', ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', tarballs], join(root, 'packages', dir));

  const consumer = join(work, 'consumer');
  mkdirSync(join(consumer, 'src'), { recursive: true });
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'ts-floor', private: true, type: 'module' }),
  );
  const snippets = JSON.parse(readFileSync(join(root, 'examples/readme-snippets/package.json'), 'utf8'));
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      ...readdirSync(tarballs).map((file) => join(tarballs, file)),
      `typescript@${TYPESCRIPT}`,
      '@types/node@20',
      // The snippets' own third-party imports, at the versions the repository tests them with.
      `undici@${snippets.devDependencies.undici}`,
    ],
    consumer,
  );
  for (const file of readdirSync(join(root, 'examples/readme-snippets/src'))) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts')) {
      cpSync(join(root, 'examples/readme-snippets/src', file), join(consumer, 'src', file));
    }
  }
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        types: ['node'],
      },
      include: ['src'],
    }),
  );
  const version = run('npx', ['tsc', '--version'], consumer).toString().trim();
  run('npx', ['tsc', '-p', 'tsconfig.json'], consumer);
  console.log(
    `TypeScript floor: every README snippet type-checks against the packed packages with ${version} (strict, no skipLibCheck).`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
