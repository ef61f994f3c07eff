// Section 4, shared by both sides: what the soak sends and what it reports. Kept apart from
// soak-process.ts, whose top level runs the soak, so that soak.ts can import these safely.
import type { SignalReport } from './signal-watch';

export const REQUESTS = 10_000;
export const SAMPLE_EVERY = 1_000;

/** Each request's scenario, and what must come of it. */
export const SCENARIOS = {
  plans: 'success: `getPlans()`',
  plan: 'success: `getPlan({ planId })`',
  notFound: '404: `getPlan` of an unknown plan → `PuguhError` 404',
  retried: '429 once (`retry-after: 0`) → retried → success',
  rateLimited: '429 on every attempt (`retry-after: 0`) → `RateLimitError` after 2 retries',
  timeout: 'server delays 300 ms, call `timeout: 50`, `maxRetries: 0` → `NetworkError` timeout',
} as const;
export type Scenario = keyof typeof SCENARIOS;

export interface SoakResult {
  readonly elapsedMs: number;
  /** Per scenario: how many were sent, and how many ended as expected. */
  readonly outcomes: Record<Scenario, { sent: number; asExpected: number }>;
  /** The first few unexpected outcomes, for the report. */
  readonly surprises: string[];
  /** `heapUsed` after `gc()`, every SAMPLE_EVERY requests. */
  readonly heap: { readonly requests: number; readonly heapUsed: number }[];
  /** Long-lived sources of `AbortSignal.any`, read after the last sample (see signal-watch.ts). */
  readonly signals: SignalReport;
  readonly resourcesBefore: string[];
  readonly resourcesAfter: string[];
}

/** Mostly successes; 5 % 404s, 2 % retried 429s, 1 % exhausted 429s, 0.2 % timeouts (20 × 50 ms). */
export function scenarioOf(index: number): Scenario {
  if (index % 500 === 250) return 'timeout';
  const slot = index % 100;
  if (slot === 40) return 'rateLimited';
  if (slot === 20 || slot === 60) return 'retried';
  if (slot % 20 === 10) return 'notFound';
  return index % 2 === 0 ? 'plans' : 'plan';
}
