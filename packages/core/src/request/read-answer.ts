import * as v from 'valibot';
import { PuguhError } from '../errors/puguh-error';
import type { Answer } from './call';
import { errorFromAnswer, requestIdOf } from './errors-from-answer';

/**
 * Stage 5 of `sendRequest`: the call's result from its final answer. A 2xx is parsed as JSON and
 * validated (and converted) by `schema`; without a schema it is `undefined`. Any other status is
 * the PUGUH error its status and body call for. A 2xx that is not JSON or fails the schema is
 * `invalid_response`, whose details list paths and expectations only — received values may be
 * personal data or tokens.
 */
export function readAnswer<T>(answer: Answer, schema: v.GenericSchema<unknown, T> | undefined): T {
  if (answer.status < 200 || answer.status > 299) throw errorFromAnswer(answer);
  if (!schema) return undefined as T;
  const details = {
    code: 'invalid_response',
    statusCode: answer.status,
    requestId: requestIdOf(answer.headers),
  };
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw new PuguhError(`The API answered ${answer.status} with a body that is not JSON`, details);
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issues = result.issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    expected: issue.expected,
  }));
  const first = issues[0];
  throw new PuguhError(
    `The API response does not have the expected shape${first ? ` (${first.path || 'body'}: expected ${first.expected})` : ''}`,
    { ...details, details: { issues } },
  );
}
