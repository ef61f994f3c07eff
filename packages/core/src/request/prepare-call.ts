import type { CoreState } from '../internal/core-state';
import { CALL_OPTIONS, checkKnownOptions } from '../internal/known-options';
import { checkCredential, checkDuration, checkHeaders, checkRetries } from '../internal/validate';
import type { RequestOptions } from '../options';
import type { ApiRequest } from '../send-request';
import type { Call } from './call';

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Stage 1 of `sendRequest`: checks the caller's input and turns it into a {@link Call} — the URL,
 * the headers (context, idempotency key, content type), the body serialised once, the per-call
 * limits. Throws `TypeError`/`RangeError` for misuse, before anything is sent.
 */
export function prepareCall(state: CoreState, request: ApiRequest<unknown>, options: RequestOptions): Call {
  const { method, path } = request;
  // Exactly these, upper-case: a lower-case 'post' would skip the idempotency key and still be retried.
  if (!METHODS.includes(method)) throw new TypeError('method must be one of GET, POST, PUT, PATCH, DELETE');
  const { defaults, context } = state;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('The last argument is per-call options, such as { signal, timeout }');
  }
  checkKnownOptions('options', options, CALL_OPTIONS);
  const body = request.body === undefined ? undefined : serialize(request.body);
  // A plain object, not `Headers`: fetch copies it once into its request, where every `Headers`
  // would be copied again by each layer.
  const headers: Record<string, string> = options.headers
    ? { ...state.headers, ...checkHeaders('options.headers', options.headers) }
    : { ...state.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (context.organizationId) headers['x-puguh-organization-id'] = context.organizationId;
  if (context.applicationId) headers['x-puguh-application-id'] = context.applicationId;
  if (method === 'POST' || method === 'PATCH') {
    const key = options.idempotencyKey;
    // One key per call, the same on every attempt: the server replays the first result.
    headers['idempotency-key'] =
      key === undefined ? crypto.randomUUID() : checkCredential('idempotencyKey', key);
  }
  if (options.onResponse !== undefined && typeof options.onResponse !== 'function') {
    throw new TypeError('options.onResponse must be a function');
  }
  return {
    state,
    method,
    path,
    url: `${state.baseUrl}/${checkPath(path)}${queryString(request.query)}`,
    headers,
    body,
    authenticate: request.authenticate !== false,
    schema: request.schema,
    timeout: checkDuration('timeout', options.timeout) ?? defaults.timeout,
    maxRetries: checkRetries(options.maxRetries) ?? defaults.maxRetries,
    startedAt: Date.now(),
    attempts: 0,
    lastAnswer: undefined,
  };
}

/**
 * A path below the base URL: no leading slash, no scheme, no `.`/`..` segment (also
 * percent-encoded, which URL parsers resolve the same way), no backslash (a slash to them), and no
 * `?`/`#` (use `query`). Anything else could move the request off the API's path.
 */
function checkPath(path: unknown): string {
  if (
    typeof path !== 'string' ||
    path === '' ||
    /^[/\\]|^[a-z][\w+.-]*:|[\\?#]/i.test(path) ||
    /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path)
  ) {
    throw new TypeError(
      'path must be relative to the base URL ("v1/…"): no leading slash, scheme, dot segments, "?" or "#"; build it with apiPath',
    );
  }
  return path;
}

function queryString(query: ApiRequest<unknown>['query']): string {
  let text = '';
  for (const key in query) {
    const value = query[key];
    if (value !== undefined)
      text += `${text ? '&' : '?'}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  }
  return text;
}

/** Serialises a body once, so every attempt sends the same bytes; refuses what JSON cannot carry. */
function serialize(body: unknown): string {
  try {
    return JSON.stringify(body, (_key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number');
      return value;
    });
  } catch {
    throw new TypeError(
      'The request body cannot be sent as JSON (it holds a BigInt, NaN, Infinity or a cycle)',
    );
  }
}
