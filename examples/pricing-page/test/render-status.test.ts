import { NetworkError, PuguhError, RateLimitError } from '@puguh/core';
import { describe, expect, test } from 'vitest';
import { renderLoadError, UNAVAILABLE_MESSAGE } from '../src/render-status';

describe('renderLoadError', () => {
  test('asks whether the API is running when no response arrived', () => {
    const html = renderLoadError(new NetworkError('fetch failed', { code: 'connection_failed' }));

    expect(html).toBe(`<p class="notice error" role="alert">${UNAVAILABLE_MESSAGE}</p>`);
  });

  test('gives the request id of an API error, for support', () => {
    const html = renderLoadError(new PuguhError('Internal error', { statusCode: 500, requestId: 'req_123' }));

    expect(html).toContain(
      'Pricing could not be loaded (request id <code class="request-id">req_123</code>)',
    );
    expect(html).not.toContain(UNAVAILABLE_MESSAGE);
  });

  test('treats a rate limit as an API error, not an outage', () => {
    const html = renderLoadError(
      new RateLimitError('Too many requests', { retryAfter: 5, requestId: 'req_9' }),
    );

    expect(html).toContain('request id <code class="request-id">req_9</code>');
  });

  test('stays generic for anything else, and escapes the request id', () => {
    expect(renderLoadError(new TypeError('boom'))).toBe(
      '<p class="notice error" role="alert">Pricing could not be loaded. Please try again later.</p>',
    );
    expect(renderLoadError(new PuguhError('x', { requestId: '<b>' }))).toContain('&lt;b&gt;');
  });
});
