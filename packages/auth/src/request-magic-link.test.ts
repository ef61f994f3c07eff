import { RateLimitError } from '@puguh/core';
import { useLocalApi } from '@puguh-internal/test-support';
import { beforeEach, describe, expect, test } from 'vitest';
import { requestMagicLink } from './request-magic-link';
import { onlyRequest, rejection, requestCount, uniqueEmail } from './test-support/helpers';

const api = useLocalApi();
beforeEach(() => {
  api.server.faults.clear();
  api.server.clearRequests();
  api.server.outbox.clear();
});

describe('requestMagicLink', () => {
  test('sends a magic link to a registered address', async () => {
    const { email } = await api.signUp();

    await expect(requestMagicLink(api.anonymous, { email })).resolves.toBeUndefined();

    expect(api.server.outbox.messages).toHaveLength(1);
    const message = api.server.outbox.last(email);
    expect(message).toMatchObject({ to: email, kind: 'magic_link' });
    expect(message?.token).not.toBe('');
    expect(message?.link).toContain(encodeURIComponent(message?.token ?? '?'));
  });

  test('sends a public POST with the e-mail and no credential', async () => {
    const { email } = await api.signUp();
    api.server.clearRequests();

    await requestMagicLink(api.service, { email });

    const request = onlyRequest(api);
    expect(request.path).toBe('/v1/auth/magic-link');
    expect(request.body).toEqual({ email });
    expect(request.headers.authorization).toBeUndefined();
  });

  test('resolves the same for an unknown address and sends nothing to it', async () => {
    await expect(requestMagicLink(api.anonymous, { email: uniqueEmail('nobody') })).resolves.toBeUndefined();
    expect(api.server.outbox.messages).toHaveLength(0);
  });

  test.each([
    ['a missing input', undefined],
    ['an invalid e-mail', { email: 'not an email' }],
    ['an empty e-mail', { email: '' }],
  ])('throws TypeError for %s and sends nothing', async (_case, input) => {
    const sent = requestCount(api);
    await expect(requestMagicLink(api.anonymous, input as never)).rejects.toBeInstanceOf(TypeError);
    expect(requestCount(api)).toBe(sent);
    expect(api.server.outbox.messages).toHaveLength(0);
  });

  test('maps a 429 to RateLimitError', async () => {
    api.server.faults.inject({ path: '/v1/auth/magic-link', status: 429, headers: { 'retry-after': '9' } });
    const error = await rejection(requestMagicLink(api.anonymous, { email: uniqueEmail() }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ statusCode: 429, retryAfter: 9 });
  });
});
