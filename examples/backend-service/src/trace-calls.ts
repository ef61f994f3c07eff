import type { ResponseHook } from '@puguh/sdk';

/**
 * The part of OpenTelemetry's `Tracer` this needs (`@opentelemetry/api`'s `trace.getTracer(…)`
 * fits as it is); written out so that the example does not depend on it.
 */
export interface SpanTracer {
  startSpan(
    name: string,
    options: { startTime: number; attributes: Record<string, string | number> },
  ): { setStatus(status: { code: number }): void; end(endTime: number): void };
}

/**
 * One span per PUGUH call, from an `onResponse` hook: the SDK reports each call once, with its
 * duration, so the span is opened back in time and closed at once.
 *
 * @param tracer An OpenTelemetry tracer.
 *
 * @returns The hook, for `new PuguhClient({ onResponse })`.
 *
 * @example
 * ```ts
 * import { trace } from '@opentelemetry/api';
 *
 * const client = new PuguhClient({ onResponse: traceCalls(trace.getTracer('puguh')) });
 * ```
 */
export function traceCalls(tracer: SpanTracer): ResponseHook {
  return (info) => {
    const end = Date.now();
    const span = tracer.startSpan(`PUGUH ${info.method} ${info.path}`, {
      startTime: end - info.durationMs,
      attributes: {
        'http.request.method': info.method,
        'http.response.status_code': info.status,
        'puguh.request_id': info.requestId ?? '',
        'puguh.attempts': info.attempts,
        'puguh.rate_limit.remaining': info.rateLimit.remaining ?? -1,
      },
    });
    span.setStatus({ code: info.status >= 400 ? 2 : 1 }); // OpenTelemetry's ERROR and OK
    span.end(end);
  };
}
