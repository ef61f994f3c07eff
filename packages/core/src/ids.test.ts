import { describe, expect, test, vi } from 'vitest';
import { setApplicationContext, setOrganizationContext, withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import { apiPath, resolveOrganizationId } from './resolve-ids';
import { sendRequest } from './send-request';

// Ids go into a path and a header: any id either side would read differently is refused where it
// enters, with a TypeError that names the parameter and never echoes the value.
const bad = [
  ['a CR LF', 'org_1\r\n'],
  ['an injected header', 'a\r\nX-Evil: 1'],
  ['a tab', 'org\t1'],
  ['a trailing space', 'org_1 '],
  ['a leading space', ' org_1'],
  ['NUL', 'org\u00001'],
  ['DEL', 'org\u007f'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', 'a\udc00b'],
  ['257 characters', 'o'.repeat(257)],
] as const;

const messageOf = (action: () => unknown): Error => {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
};

describe('ids are checked where they enter', () => {
  test.each(bad)('%s is refused everywhere, naming the parameter, not the value', async (_name, id) => {
    const fetch = vi.fn(async () => Response.json({}));
    const core = createPuguhCore({ baseUrl: 'https://api.puguh.test', fetch });
    const errors = [
      messageOf(() => setOrganizationContext(core, id)),
      messageOf(() => setApplicationContext(core, id)),
      messageOf(() => withContext(core, { organizationId: id })),
      messageOf(() => createPuguhCore({ baseUrl: 'https://api.puguh.test', organizationId: id })),
      messageOf(() => resolveOrganizationId(core, id)),
      messageOf(() => apiPath`v1/organizations/${id}`),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/organizationId|applicationId|orgId|An id in the path/);
      expect(error.message).not.toContain(id);
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  test('good ids pass: unicode, 256 characters, inner spaces', async () => {
    const fetch = vi.fn(async () => Response.json({}));
    const core = createPuguhCore({ baseUrl: 'https://api.puguh.test', fetch });
    for (const id of ['org_1', 'örg 1', '組織', '😀', 'o'.repeat(256)]) {
      setOrganizationContext(core, id);
      await sendRequest(core, { method: 'GET', path: apiPath`v1/organizations/${id}` });
    }
    expect(fetch).toHaveBeenCalledTimes(5);
  });
});
