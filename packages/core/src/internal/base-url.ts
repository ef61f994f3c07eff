/**
 * Validates `baseUrl` and returns it without a trailing slash.
 *
 * Plain `http://` is accepted only for loopback hosts: anywhere else the API key or token would
 * cross the network readable by anyone on the path. `localhost.evil.test` and `127.0.0.1.nip.io`
 * are not loopback, because `URL` parses them as ordinary domain names.
 */
export function normalizeBaseUrl(value: unknown, allowInsecureHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError('baseUrl must be an absolute URL such as https://api-puguh.arsaka.io');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('baseUrl must use https:');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError('baseUrl must not contain credentials, a query or a fragment');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    throw new TypeError(
      'baseUrl uses http:// on a host that is not loopback; use https:// (or allowInsecureHttp: true on a trusted network)',
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
