import { PuguhClient } from '@puguh/sdk';
import { createPuguhServer } from '@puguh/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type SpanTracer, traceCalls } from './trace-calls';
import { logUpstreamCalls } from './upstream-log';

const localApi = createPuguhServer({ rateLimit: { limit: 100, windowMs: 60_000 } });
let url = '';
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await localApi.listen({ port: 0, hostname: '127.0.0.1' }));
});
afterAll(() => close());

describe('onResponse hooks of the service', () => {
  test('the upstream log has the request id, the status and the quota left of each call', async () => {
    const lines: string[] = [];
    const client = new PuguhClient({
      baseUrl: url,
      apiKey: localApi.apiKey,
      onResponse: logUpstreamCalls((line) => lines.push(line)),
    });
    await client.organizations.list();
    await client.organizations.get({ orgId: 'org_missing' }).catch(() => undefined);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\[upstream\] GET v1\/organizations 200 req_\S+ remaining 99\/100 \(\d+ ms, 1 attempt\)$/,
    );
    expect(lines[1]).toMatch(
      /^\[upstream\] GET v1\/organizations\/org_missing 404 req_\S+ remaining 98\/100/,
    );
    await client.close();
  });

  test('traceCalls makes one span per call, with the duration, status and request id', async () => {
    const spans: { name: string; startTime: number; endTime?: number; attributes: object; code?: number }[] =
      [];
    const tracer: SpanTracer = {
      startSpan(name, options) {
        const span: (typeof spans)[number] = { name, ...options };
        spans.push(span);
        return {
          setStatus: ({ code }) => {
            span.code = code;
          },
          end: (endTime) => {
            span.endTime = endTime;
          },
        };
      },
    };
    const client = new PuguhClient({ baseUrl: url, apiKey: localApi.apiKey, onResponse: traceCalls(tracer) });
    await client.billing.getPlans();
    await client.organizations.get({ orgId: 'org_missing' }).catch(() => undefined);
    expect(spans.map((span) => [span.name, span.code])).toEqual([
      ['PUGUH GET v1/billing/plans', 1],
      ['PUGUH GET v1/organizations/org_missing', 2],
    ]);
    for (const span of spans) {
      expect(span.endTime).toBeGreaterThanOrEqual(span.startTime);
      expect(span.attributes).toMatchObject({
        'puguh.attempts': 1,
        'puguh.request_id': expect.stringMatching(/^req_/),
      });
    }
    await client.close();
  });
});
