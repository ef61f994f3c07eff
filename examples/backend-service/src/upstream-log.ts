import type { ResponseHook, ResponseInfo } from '@puguh/sdk';

/**
 * One line per PUGUH call: what a support desk asks for (the request id), the status, and the
 * quota left, so the service can slow down before it hits a 429.
 *
 * @param info What the SDK's `onResponse` hook received.
 *
 * @returns The line, e.g. `GET v1/billing/plans 200 req_8f… remaining 9998/10000 (2 ms, 1 attempt)`.
 *
 * @example
 * ```ts
 * formatUpstreamCall(info); // 'GET v1/organizations 200 req_1 remaining 41/100 (12 ms, 1 attempt)'
 * ```
 */
export function formatUpstreamCall(info: ResponseInfo): string {
  const { limit, remaining } = info.rateLimit;
  const quota = remaining === undefined ? 'quota unknown' : `remaining ${remaining}/${limit ?? '?'}`;
  const attempts = `${info.attempts} attempt${info.attempts === 1 ? '' : 's'}`;
  return `${info.method} ${info.path} ${info.status} ${info.requestId ?? '-'} ${quota} (${info.durationMs} ms, ${attempts})`;
}

/**
 * The service's core-level `onResponse`: logs every upstream call through `write`.
 *
 * @param write Where lines go; the service writes to stderr so that its stdout stays machine-readable.
 *
 * @returns The hook, for `new PuguhClient({ onResponse })`.
 *
 * @example
 * ```ts
 * const client = new PuguhClient({ onResponse: logUpstreamCalls((line) => console.error(line)) });
 * ```
 */
export function logUpstreamCalls(write: (line: string) => void): ResponseHook {
  return (info) => write(`[upstream] ${formatUpstreamCall(info)}`);
}
