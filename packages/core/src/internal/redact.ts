const SECRET_FIELD = /password|token|secret|code|key|authorization/i;

/**
 * A copy of a request body safe to log: values of secret-looking fields (`password`,
 * `refresh_token`, `mfa_code`, …) become `[redacted]`. Only used when a logger is set.
 */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody);
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      SECRET_FIELD.test(key) ? '[redacted]' : redactBody(value),
    ]),
  );
}
