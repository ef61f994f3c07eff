import { PuguhClient } from '@puguh/sdk';
import { createPuguhServer } from '@puguh/testing';
import type { Demo } from './demo';
import { APPLICATION_STEPS, applicationSteps } from './steps/applications';
import { AUTH_STEPS, authSteps } from './steps/auth';
import { BILLING_STEPS, billingSteps } from './steps/billing';
import { CLEANUP_STEPS, cleanupSteps } from './steps/cleanup';
import { CONTEXT_STEPS, contextSteps } from './steps/context';
import { ERROR_STEPS, errorSteps } from './steps/errors';
import { ORGANIZATION_STEPS, organizationSteps } from './steps/organizations';
import { createTour } from './tour';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Receives each line of output (`console.log` in `main.ts`). */
  readonly print: (line: string) => void;
}

/** What {@link runDemo} counted. */
export interface DemoResult {
  readonly passed: number;
  /** Failed steps; the steps that then could not run are not counted here (the summary shows them). */
  readonly failed: number;
}

/** How many steps the demo has: every section's plan, in order. */
export const DEMO_STEP_COUNT: number = [
  AUTH_STEPS,
  ORGANIZATION_STEPS,
  APPLICATION_STEPS,
  CONTEXT_STEPS,
  BILLING_STEPS,
  ERROR_STEPS,
  CLEANUP_STEPS,
].reduce((count, plan) => count + plan.length, 0);

/**
 * Runs the demo: starts the local PUGUH API on 127.0.0.1, walks through every capability of the
 * SDK over real HTTP, printing one line per step, then deletes what it created and stops the API.
 * A failed step is printed (`✗ step — Error: message`) and the demo goes on where it can.
 *
 * @param options Where the output goes.
 *
 * @returns The counts of passed and failed steps.
 *
 * @example
 * ```ts
 * const { failed } = await runDemo({ print: (line) => console.log(line) });
 * process.exitCode = failed === 0 ? 0 : 1;
 * ```
 */
export async function runDemo({ print }: DemoOptions): Promise<DemoResult> {
  const startedAt = performance.now();
  const server = createPuguhServer();
  const api = await server.listen({ port: 0, hostname: '127.0.0.1' });
  const tour = createTour(print);
  print(`PUGUH SDK demo — a local PUGUH API listens on ${api.url}; every call below is real HTTP.`);
  try {
    // The service client, as a backend holds one: `apiKey` is the local API's service key.
    await using service = new PuguhClient({ baseUrl: api.url, apiKey: server.apiKey });
    const demo: Demo = { server, baseUrl: api.url, service };

    const session = await tour.section('1. auth', AUTH_STEPS, (step) => authSteps(step, demo));
    // Ada's own client: it acts for her with her access token.
    await using ada =
      session === undefined
        ? undefined
        : new PuguhClient({ baseUrl: api.url, accessToken: session.accessToken });
    const tenant =
      ada === undefined
        ? undefined
        : await tour.section('2. organizations', ORGANIZATION_STEPS, (step) =>
            organizationSteps(step, demo, ada),
          );
    if (ada === undefined) {
      tour.skip('2. organizations', ORGANIZATION_STEPS, 'needs a signed-in user from 1. auth');
    }

    if (ada !== undefined && tenant !== undefined) {
      await tour.section('3. applications', APPLICATION_STEPS, (step) => applicationSteps(step, ada, tenant));
      await tour.section('4. context', CONTEXT_STEPS, (step) =>
        contextSteps(step, demo, tenant.organization),
      );
      await tour.section('5. billing', BILLING_STEPS, (step) =>
        billingSteps(step, demo, ada, tenant.organization),
      );
    } else {
      const reason = 'needs the organization from 2. organizations';
      tour.skip('3. applications', APPLICATION_STEPS, reason);
      tour.skip('4. context', CONTEXT_STEPS, reason);
      tour.skip('5. billing', BILLING_STEPS, reason);
    }

    await tour.section('6. errors', ERROR_STEPS, (step) => errorSteps(step, demo));
    await tour.section('cleanup', CLEANUP_STEPS, (step) => cleanupSteps(step, demo));
  } finally {
    await api.close();
  }

  const { passed, failed, notRun } = tour.result();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  print('');
  print(
    failed === 0 && notRun === 0
      ? `${passed} steps passed (${seconds} s)`
      : `${passed} steps passed, ${failed} failed, ${notRun} not run (${seconds} s)`,
  );
  return { passed, failed };
}
