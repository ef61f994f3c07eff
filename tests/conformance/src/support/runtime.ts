// Which runtime is this, judged from what the runtime itself exposes (never from configuration),
// so a misconfigured project that silently runs in plain Node fails its identity test.
import type { Runtime } from './provided';

export interface RuntimeEvidence {
  readonly userAgent: string | undefined;
  readonly edgeRuntime: unknown;
  readonly processRelease: string | undefined;
  readonly nodeVersion: string | undefined;
  readonly hasDocument: boolean;
}

export function runtimeEvidence(): RuntimeEvidence {
  const scope = globalThis as {
    EdgeRuntime?: unknown;
    navigator?: { userAgent?: string };
    process?: { release?: { name?: string }; versions?: { node?: string } };
    document?: unknown;
  };
  return {
    userAgent: scope.navigator?.userAgent,
    edgeRuntime: scope.EdgeRuntime,
    processRelease: scope.process?.release?.name,
    nodeVersion: scope.process?.versions?.node,
    hasDocument: typeof scope.document === 'object' && scope.document !== null,
  };
}

/** The runtime the evidence points to; `unknown` when it matches none. */
export function detectRuntime(evidence: RuntimeEvidence): Runtime | 'unknown' {
  // Order matters: workerd (nodejs_compat) and edge-runtime (under vitest) expose a `process` too.
  if (evidence.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (evidence.edgeRuntime === 'edge-runtime') return 'edge-runtime';
  if (evidence.hasDocument && /\bHeadlessChrome\/\d+/.test(evidence.userAgent ?? '')) return 'chromium';
  if (evidence.processRelease === 'node' && !evidence.hasDocument) return 'node';
  return 'unknown';
}
