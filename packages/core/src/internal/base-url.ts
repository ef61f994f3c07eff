/**
 * Validates `baseUrl` and returns it without a trailing slash.
 *
 * Plain `http://` is accepted only for loopback hosts: anywhere else the API key or token would
 * cross the network readable by anyone on the path. `localhost.evil.test` and `127.0.0.1.nip.io`
 * are not loopback: `URL` parses them as ordinary domain names.
 */
export function normalizeBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new TypeError('baseUrl must be an absolute https URL without credentials, query or fragment');
  }
  if (
    url.protocol === 'http:' &&
    !allowInsecureHttp &&
    !/^(localhost|.*\.localhost|\[::1\]|127(\.\d+){3})$/.test(url.hostname)
  ) {
    throw new TypeError(
      'baseUrl uses http:// on a host that is not loopback; use https:// (or allowInsecureHttp: true)',
    );
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}
