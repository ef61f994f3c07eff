// The values the stages of `sendRequest` pass to one another, in the order they are made:
// prepareCall → Call; openCallScope → CallScope; runAttempts → Answer (each attempt an AttemptRun
// record); refreshAndReplay → Answer; readAnswer → the result or a PuguhError.
import type * as v from 'valibot';
import type { CoreState } from '../internal/core-state';

/** Everything about one call that is known before the first attempt, checked and serialised once. */
export interface Call {
  readonly state: CoreState;
  readonly method: string;
  /** The path as the caller gave it (for logs and errors), below the base URL. */
  readonly path: string;
  /** The absolute URL with the query string. */
  readonly url: string;
  /** Request headers, lower-case names; `authorization` is set per attempt. */
  readonly headers: Record<string, string>;
  /** The JSON body, serialised once so every attempt sends the same bytes. */
  readonly body: string | undefined;
  /** `false` for public endpoints: no credential, so no `accessToken` function and no refresh. */
  readonly authenticate: boolean;
  readonly schema: v.GenericSchema<unknown, unknown> | undefined;
  /** Per attempt, covering the credential, the headers and the whole body. */
  readonly timeout: number;
  readonly maxRetries: number;
  /** `Date.now()` when the call started, for `onResponse`'s `durationMs`. */
  readonly startedAt: number;
  /** Attempts sent so far, counting retries and the replay after a refresh (written by each attempt). */
  attempts: number;
  /** The last complete answer of any attempt, for the rate-limit state of an error. */
  lastAnswer: Answer | undefined;
}

/** What stops a call, and when: one signal for the caller's signal, `close()` and `totalTimeout`. */
export interface CallScope {
  readonly signal: AbortSignal;
  /** `Date.now()` value after which no retry may start (`Infinity` without `totalTimeout`). */
  readonly deadline: number;
  /** Removes the scope's listeners and timer; called once the call has settled. */
  readonly close: () => void;
}

/** A complete HTTP answer: status, headers and the whole body, read within the attempt. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The token generation the attempt sent, or `undefined` when it sent no user token. */
  readonly generation: number | undefined;
}

/**
 * The record of one run of attempts on ky: created by `runAttempts`, handed to every attempt
 * through ky's `fetch` options, and read by the retry decision. Only the attempts write it.
 */
export interface AttemptRun {
  readonly call: Call;
  readonly scope: CallScope;
  /** The last answer read, whatever its status. */
  answer: Answer | undefined;
}
