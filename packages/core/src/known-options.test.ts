import { describe, expect, test } from 'vitest';
import { createPuguhCore } from './create-puguh-core';
import { sendRequest } from './send-request';
import { useFaultServer } from './test-support/fault-server';
import { thrown } from './test-support/thrown';

const server = useFaultServer();

// In plain JavaScript a misspelt option would otherwise be ignored: `apikey` sends unauthenticated
// requests, `maxRetry: 5` retries twice.

describe('unknown options are named', () => {
  test.each([
    ['apikey', 'apiKey'],
    ['maxRetry', 'maxRetries'],
    ['baseURL', 'baseUrl'],
    ['timout', 'timeout'],
    ['onResponce', 'onResponse'],
  ])('createPuguhCore({ %s }) suggests %s', (key, suggestion) => {
    const error = thrown(() =>
      createPuguhCore({ baseUrl: 'https://api.puguh.test', [key]: 'pk_test_secret' } as never),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`options: unknown option "${key}" — did you mean "${suggestion}"?`);
    expect(error.message).not.toContain('pk_test_secret');
  });

  test('a key like nothing known is named without a guess', () => {
    expect(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', colour: 'red' } as never)).toThrow(
      /^options: unknown option "colour"$/,
    );
  });

  test('per-call options too, before anything is sent', async () => {
    const core = createPuguhCore({ baseUrl: server.url });
    await expect(
      sendRequest(core, { method: 'GET', path: 'v1/x' }, { maxRetry: 0 } as never),
    ).rejects.toThrow('options: unknown option "maxRetry" — did you mean "maxRetries"?');
    await expect(
      sendRequest(core, { method: 'GET', path: 'v1/x' }, { signl: AbortSignal.timeout(1) } as never),
    ).rejects.toThrow(/did you mean "signal"/);
    expect(server.hits).toHaveLength(0);
  });

  test('options that are not an object say so', async () => {
    expect(() => createPuguhCore('https://api.puguh.test' as never)).toThrow(
      /createPuguhCore takes an options object/,
    );
    const core = createPuguhCore({ baseUrl: 'https://api.puguh.test', fetch: async () => Response.json({}) });
    await expect(sendRequest(core, { method: 'GET', path: 'v1/x' }, 5000 as never)).rejects.toThrow(
      /per-call options, such as \{ signal, timeout \}/,
    );
  });
});
