import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The monorepo root. */
export const root: string = fileURLToPath(new URL('../../../', import.meta.url));

/** The exact pnpm every documented command uses. */
export const PNPM: readonly string[] = ['-y', 'pnpm@10.34.9'];

/** The packages published to npm: every non-private `packages/*`. */
export interface PublishedPackage {
  /** Folder name under `packages/`. */
  readonly dir: string;
  /** Absolute path of the folder. */
  readonly path: string;
  /** The manifest as written in the repository. */
  readonly manifest: Manifest;
}

/** The parts of a package.json these tests read. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly main?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

export function publishedPackages(): PublishedPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(packagesDir, entry.name);
      let manifest: Manifest;
      try {
        manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as Manifest;
      } catch {
        return [];
      }
      return manifest.private ? [] : [{ dir: entry.name, path, manifest }];
    })
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Every file target of `exports` (all conditions, all subpaths), `main`, `types` and `bin`. */
export function manifestTargets(manifest: Manifest): string[] {
  const targets = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) walk(item);
  };
  walk(manifest.exports);
  walk(manifest.main);
  walk(manifest.types);
  walk(manifest.bin);
  return [...targets].sort();
}

/** The result of a finished child process. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion, collecting its output. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Reads a `.tgz` as npm and pnpm write it (gzip + ustar, with pax headers for long names) into a
 * map of path → contents. Paths keep the tarball's `package/` prefix.
 */
export function readTarball(file: string): Map<string, Buffer> {
  const data = gunzipSync(readFileSync(file));
  const entries = new Map<string, Buffer>();
  let paxPath: string | undefined;
  let offset = 0;
  while (offset + 512 <= data.length) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number): string => {
      const raw = header.subarray(start, start + length).toString('utf8');
      const end = raw.indexOf('\0');
      return end === -1 ? raw : raw.slice(0, end);
    };
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = prefix === '' ? field(0, 100) : `${prefix}/${field(0, 100)}`;
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    } else {
      if (type === '0' || type === '') entries.set(paxPath ?? name, Buffer.from(body));
      paxPath = undefined;
    }
  }
  return entries;
}
