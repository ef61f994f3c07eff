// The demo's step runner. Each area of the SDK is a section with a fixed list of step names (its
// plan); the runner prints one line per step (✓ with what happened, or ✗ with the error), marks the
// steps of a section that could not run after a failure, and counts everything for the summary.

/** Width of the step-name column, so the results line up. */
const NAME_WIDTH = 26;

/**
 * Lets a step describe what it did. The first call sets the text after the ✓; later calls add
 * indented lines below it (the plan list of `getPlans`, the invoices).
 */
export type Say = (text: string) => void;

/**
 * Runs one step of a section: `name` must be in that section's plan.
 *
 * @example
 * ```ts
 * const user = await step('register', async (say) => {
 *   const user = await service.auth.register(ADA);
 *   say(`${user.userId} ${user.email}`);
 *   return user;
 * });
 * ```
 */
export type Step<Name extends string> = <T>(name: Name, run: (say: Say) => Promise<T>) => Promise<T>;

/** What the demo counted. */
export interface TourResult {
  readonly passed: number;
  readonly failed: number;
  /** Planned steps that never ran because something they needed had failed. */
  readonly notRun: number;
}

/** The step runner of one demo run. */
export interface Tour {
  /**
   * Prints the heading, runs `body` with a `step` limited to `plan`, and returns what `body` returns,
   * or `undefined` when a step failed (the section's remaining steps are then listed as not run).
   */
  section<Name extends string, T>(
    title: string,
    plan: readonly Name[],
    body: (step: Step<Name>) => Promise<T>,
  ): Promise<T | undefined>;
  /** Prints the heading and lists every step of `plan` as not run, saying why. */
  skip(title: string, plan: readonly string[], reason: string): void;
  /** The counts so far. */
  result(): TourResult;
}

/**
 * Thrown by `step` after it has printed the failure, to end the section: later steps usually
 * need what the failed one would have produced.
 */
class StepFailed extends Error {
  override name = 'StepFailed';
}

/**
 * Thrown by the demo's own checks when the SDK answered, but not as the demo expects.
 *
 * @example
 * ```ts
 * if (!subscription.cancelAtPeriodEnd) throw new UnexpectedResult('cancelAtPeriodEnd is still false');
 * ```
 */
export class UnexpectedResult extends Error {
  override name = 'UnexpectedResult';
}

/**
 * Creates the step runner.
 *
 * @param print Receives every line of output.
 *
 * @returns The runner.
 *
 * @example
 * ```ts
 * const tour = createTour(console.log);
 * await tour.section('billing', ['getPlans'], async (step) => {
 *   await step('getPlans', async (say) => say(`${(await client.billing.getPlans()).length} plans`));
 * });
 * ```
 */
export function createTour(print: (line: string) => void): Tour {
  let passed = 0;
  let failed = 0;
  let notRun = 0;

  const listNotRun = (names: readonly string[], reason: string): void => {
    if (names.length === 0) return;
    notRun += names.length;
    print(`  – not run (${reason}): ${names.join(', ')}`);
  };

  return {
    async section(title, plan, body) {
      print('');
      print(title);
      const done = new Set<string>();
      let stepFailed = false;
      const step = async <T>(name: (typeof plan)[number], run: (say: Say) => Promise<T>): Promise<T> => {
        done.add(name);
        const lines: string[] = [];
        try {
          const value = await run((text) => lines.push(text));
          passed++;
          const [summary = '', ...details] = lines;
          print(`  ✓ ${name.padEnd(NAME_WIDTH)}${summary}`.trimEnd());
          for (const detail of details) print(`      ${detail}`);
          return value;
        } catch (error) {
          failed++;
          stepFailed = true;
          print(`  ✗ ${name} — ${describeError(error)}`);
          throw new StepFailed(name);
        }
      };
      try {
        return await body(step);
      } catch (error) {
        // An error outside any step is the demo's own fault: report it as a failure too.
        if (!(error instanceof StepFailed)) {
          failed++;
          stepFailed = true;
          print(`  ✗ ${title} — ${describeError(error)}`);
        }
        return undefined;
      } finally {
        const missed = plan.filter((name) => !done.has(name));
        if (stepFailed) {
          listNotRun(missed, 'an earlier step failed');
        } else {
          // Nothing failed, yet a planned step was skipped: the demo itself is wrong.
          for (const name of missed) {
            failed++;
            print(`  ✗ ${name} — the section ended without running this step`);
          }
        }
      }
    },
    skip(title, plan, reason) {
      print('');
      print(title);
      listNotRun(plan, reason);
    },
    result: () => ({ passed, failed, notRun }),
  };
}

/** `Name: message`, as the failure line shows it. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown value: ${String(error)}`;
}
