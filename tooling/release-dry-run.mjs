#!/usr/bin/env node
// `pnpm release:dry-run`: everything `pnpm release` does except publishing, for CI.
//
//   1. builds the packages (skip with --no-build when CI built them already);
//   2. `changeset status` against `main`: the release plan, and a failure when packages changed
//      without a changeset. In a shallow or fresh clone with no local `main` this step says why it
//      cannot run and the release plan comes from step 3 instead;
//   3. in a throwaway copy of the working tree (the real one is never touched): `changeset version`
//      and `tooling/sync-versions.mjs`, then checks that every public package got its new version
//      and a CHANGELOG.md entry, all on one version (changesets `fixed`);
//   4. `pnpm pack` of every public package into a temporary folder, printing what would be
//      published: name, version, tarball size, file count.
//
// Exits non-zero when any step fails. Nothing is published, committed or left behind.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = ['-y', 'pnpm@10.34.9'];
const CHANGESET = join(root, 'node_modules', '@changesets', 'cli', 'bin.js');
const BASE_BRANCH =
  JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')).baseBranch ?? 'main';
const build = !process.argv.includes('--no-build');

const failures = [];
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'puguh-release-dry-run-'));
const untouched = releaseFiles();

function step(title) {
  console.log(`\n▶ ${title}`);
}

/** Runs a command; with `quiet`, its output is returned instead of shown. */
function sh(command, args, { cwd = root, quiet = false, env = process.env } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function git(args, cwd = root) {
  return sh('git', args, { cwd, quiet: true });
}

/** The public packages of `packages/*`: { dir, name, version }. */
function publicPackages(base) {
  const packagesDir = join(base, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')))
    .map((entry) => {
      const manifest = JSON.parse(readFileSync(join(packagesDir, entry.name, 'package.json'), 'utf8'));
      return { dir: entry.name, name: manifest.name, version: manifest.version, private: manifest.private };
    })
    .filter((found) => !found.private)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/** Copies the working tree (tracked and untracked, not ignored) to `target`; node_modules is linked. */
function copyWorkingTree(target) {
  const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  if (listed.code === 0) {
    for (const file of listed.stdout.split('\0')) {
      if (file === '' || !existsSync(join(root, file)) || !statSync(join(root, file)).isFile()) continue;
      mkdirSync(dirname(join(target, file)), { recursive: true });
      cpSync(join(root, file), join(target, file));
    }
  } else {
    // Not a git checkout: copy everything but build output and installed modules.
    const skip = new Set(['node_modules', '.git', 'dist', '.turbo', 'test-results', 'coverage']);
    cpSync(root, target, { recursive: true, filter: (source) => !skip.has(source.split(/[\\/]/).at(-1)) });
  }
  // `changeset version` loads the changelog generator from the repository's node_modules.
  symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** Commits everything in the copy, with no hooks, signing or user identity needed. */
function commitCopy(cwd, message) {
  const settings = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false'];
  const identity = ['-c', 'user.name=release dry run', '-c', 'user.email=dry-run@localhost'];
  for (const args of [
    [...settings, 'add', '-A'],
    [...settings, ...identity, 'commit', '-q', '--no-verify', '-m', message],
  ]) {
    const result = git(args, cwd);
    if (result.code !== 0)
      throw new Error(`git ${args.join(' ')} failed in the copy: ${result.stderr.trim()}`);
  }
}

/** The files a release touches in the real tree, with their contents (to prove they stay as they are). */
function releaseFiles() {
  const files = [join(root, 'packages', 'core', 'src', 'version.ts')];
  for (const dir of readdirSync(join(root, '.changeset'))) files.push(join(root, '.changeset', dir));
  for (const { dir } of publicPackages(root)) {
    files.push(join(root, 'packages', dir, 'package.json'), join(root, 'packages', dir, 'CHANGELOG.md'));
  }
  return new Map(files.map((file) => [file, existsSync(file) ? readFileSync(file, 'utf8') : undefined]));
}

try {
  // 1. Build -----------------------------------------------------------------------------------
  if (build) {
    step('build (turbo run build --filter=./packages/*)');
    const built = sh('npx', [...PNPM, 'run', 'build'], { quiet: true });
    if (built.code !== 0) {
      console.error(built.stdout.slice(-4000), built.stderr.slice(-4000));
      throw new Error('the build failed; nothing to pack');
    }
    console.log(built.stdout.match(/^\s*Tasks:.*$/m)?.[0]?.trim() ?? 'built');
  } else {
    step('build skipped (--no-build)');
  }

  // 2. changeset status against the base branch ---------------------------------------------------
  step(`changeset status (against ${BASE_BRANCH})`);
  let statusRan = false;
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  const hasBase = git(['rev-parse', '--verify', '--quiet', `refs/heads/${BASE_BRANCH}`]).code === 0;
  const shallow = git(['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  if (inside.code !== 0) {
    console.log(`  skipped: not a git checkout (the release plan comes from the throwaway copy below).`);
  } else if (!hasBase) {
    console.log(
      `  skipped: there is no local '${BASE_BRANCH}' branch${shallow ? ' (shallow clone)' : ''}, which changeset status` +
        ` diffs against. To run it: git fetch origin ${BASE_BRANCH}:${BASE_BRANCH}` +
        `${shallow ? ' --unshallow' : ''}. The release plan comes from the throwaway copy below.`,
    );
  } else {
    const status = sh('node', [CHANGESET, 'status', '--verbose'], { quiet: true });
    const output = `${status.stdout}${status.stderr}`;
    if (status.code === 0) {
      statusRan = true;
      console.log(output.trimEnd().replace(/^/gm, '  '));
    } else if (/merge-base|unknown revision|bad revision|no merge base/i.test(output) && shallow) {
      console.log(
        `  skipped: the shallow clone does not reach the merge base with '${BASE_BRANCH}'` +
          ` (git fetch --unshallow). The release plan comes from the throwaway copy below.`,
      );
    } else {
      console.error(output.trimEnd().replace(/^/gm, '  '));
      failures.push('changeset status failed (a package changed without a changeset?): run `pnpm changeset`');
    }
  }

  // 3. changeset version in a throwaway copy -------------------------------------------------------
  step('changeset version + sync-versions, in a throwaway copy of the working tree');
  const copy = join(scratch, 'repo');
  mkdirSync(copy);
  copyWorkingTree(copy);
  // A repository on the base branch, so changesets can read the commits that added each changeset.
  if (git(['init', '-q', '-b', BASE_BRANCH], copy).code !== 0) throw new Error('git init failed in the copy');
  commitCopy(copy, 'snapshot of the working tree');
  const pending = readdirSync(join(copy, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  const before = publicPackages(copy);
  if (pending.length === 0) {
    // No changeset yet: a throwaway one, in the copy only, so the pipeline is still exercised.
    const frontMatter = before.map(({ name }) => `"${name}": patch`).join('\n');
    writeFileSync(
      join(copy, '.changeset', 'release-dry-run.md'),
      `---\n${frontMatter}\n---\n\nRelease dry run (throwaway changeset).\n`,
    );
    commitCopy(copy, 'throwaway changeset');
    console.log('  no pending changesets: using a throwaway patch changeset for every package (copy only)');
  } else {
    console.log(`  ${pending.length} pending changeset(s): ${pending.join(', ')}`);
  }
  if (!statusRan) {
    const status = sh('node', [CHANGESET, 'status', '--verbose'], { cwd: copy, quiet: true });
    console.log(`${status.stdout}${status.stderr}`.trimEnd().replace(/^/gm, '  '));
  }
  const versioned = sh('node', [CHANGESET, 'version'], { cwd: copy, quiet: true });
  if (versioned.code !== 0) {
    console.error(`${versioned.stdout}${versioned.stderr}`.trimEnd().replace(/^/gm, '  '));
    throw new Error('changeset version failed in the copy');
  }
  const synced = sh('node', [join(copy, 'tooling', 'sync-versions.mjs')], { cwd: copy, quiet: true });
  if (synced.code !== 0) failures.push(`sync-versions failed: ${synced.stderr.trim()}`);
  const after = publicPackages(copy);
  const nextVersions = new Set(after.map(({ version }) => version));
  if (nextVersions.size !== 1)
    failures.push(`the packages would not share one version: ${[...nextVersions].join(', ')}`);
  for (const next of after) {
    const previous = before.find(({ name }) => name === next.name);
    const changelog = join(copy, 'packages', next.dir, 'CHANGELOG.md');
    const entry = existsSync(changelog) && readFileSync(changelog, 'utf8').includes(`## ${next.version}\n`);
    if (next.version === previous?.version) failures.push(`${next.name} would not be bumped`);
    if (!entry)
      failures.push(`${next.name}: no "## ${next.version}" entry in packages/${next.dir}/CHANGELOG.md`);
    console.log(
      `  ${next.name.padEnd(22)} ${previous?.version ?? '?'} → ${next.version}  CHANGELOG.md ${entry ? 'entry written' : 'MISSING'}`,
    );
  }
  const [nextVersion] = nextVersions;
  const versionSource = readFileSync(join(copy, 'packages', 'core', 'src', 'version.ts'), 'utf8');
  if (!versionSource.includes(`SDK_VERSION = '${nextVersion}'`)) {
    failures.push(`packages/core/src/version.ts was not synced to ${nextVersion}`);
  }
  const left = readdirSync(join(copy, '.changeset')).filter(
    (file) => file.endsWith('.md') && file !== 'README.md',
  );
  if (left.length > 0) failures.push(`changeset version left changesets behind: ${left.join(', ')}`);

  // 4. pnpm pack -----------------------------------------------------------------------------------
  step('pnpm pack (what `changeset publish` would publish; nothing is published)');
  const packs = join(scratch, 'packs');
  const rows = [];
  for (const found of publicPackages(root)) {
    const destination = join(packs, found.dir);
    const packed = sh('npx', [...PNPM, 'pack', '--pack-destination', destination], {
      cwd: join(root, 'packages', found.dir),
      quiet: true,
    });
    const tarball =
      packed.code === 0 ? readdirSync(destination).find((file) => file.endsWith('.tgz')) : undefined;
    if (tarball === undefined) {
      const why = `${packed.stdout}${packed.stderr}`.trim().split('\n').slice(-3).join(' / ');
      failures.push(`pnpm pack failed in packages/${found.dir}: ${why}`);
      continue;
    }
    const files = sh('tar', ['-tzf', join(destination, tarball)], { quiet: true })
      .stdout.split('\n')
      .filter(Boolean);
    rows.push([
      found.name,
      found.version,
      kilobytes(statSync(join(destination, tarball)).size),
      String(files.length),
    ]);
  }
  const header = ['package', 'version', 'tarball', 'files'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) => `  ${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`  next release after \`pnpm version-packages\`: ${nextVersion}`);
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const [file, content] of releaseFiles()) {
  if (content !== untouched.get(file)) failures.push(`the real tree changed: ${relative(root, file)}`);
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(
    `\n✗ release dry run failed (${seconds} s):\n${failures.map((failure) => `  - ${failure}`).join('\n')}`,
  );
  process.exitCode = 1;
} else {
  console.log(`\n✓ release dry run passed in ${seconds} s: nothing published, the working tree unchanged`);
}
