import { describe, expect, test } from 'vitest';
import { setApplicationContext, setOrganizationContext, withContext } from './context';
import { createPuguhCore } from './create-puguh-core';
import { apiPath, resolveOrganizationId } from './resolve-ids';
import { sendRequest } from './send-request';
import { json, useFaultServer } from './test-support/fault-server';
import { thrown } from './test-support/thrown';

const server = useFaultServer();

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

describe('ids are checked where they enter', () => {
  test.each(bad)('%s is refused everywhere, naming the parameter, not the value', async (_name, id) => {
    const core = createPuguhCore({ baseUrl: server.url });
    const errors = [
      thrown(() => setOrganizationContext(core, id)),
      thrown(() => setApplicationContext(core, id)),
      thrown(() => withContext(core, { organizationId: id })),
      thrown(() => createPuguhCore({ baseUrl: server.url, organizationId: id })),
      thrown(() => resolveOrganizationId(core, id)),
      thrown(() => apiPath`v1/organizations/${id}`),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/organizationId|applicationId|orgId|An id in the path/);
      expect(error.message).not.toContain(id);
    }
    expect(server.hits).toHaveLength(0);
  });

  test('good ids pass: unicode ids in paths, 256 characters, inner spaces; context ids are ASCII', async () => {
    server.setDefault(json(200, {}));
    const core = createPuguhCore({ baseUrl: server.url });
    for (const id of ['org_1', 'örg 1', '組織', '😀', 'o'.repeat(256)]) {
      await sendRequest(core, { method: 'GET', path: apiPath`v1/organizations/${id}` });
    }
    expect(server.hits).toHaveLength(5);
    expect(decodeURIComponent(server.hits[1]?.url.split('/').at(-1) ?? '')).toBe('örg 1');
    // A context id travels as a header too: path and header carry the very same characters.
    setOrganizationContext(core, 'org 1');
    await sendRequest(core, {
      method: 'GET',
      path: apiPath`v1/organizations/${resolveOrganizationId(core)}`,
    });
    expect(server.hits[5]?.headers['x-puguh-organization-id']).toBe('org 1');
    expect(decodeURIComponent(server.hits[5]?.url.split('/').at(-1) ?? '')).toBe('org 1');
    // …so it must be printable ASCII, which a header can carry.
    for (const action of [
      () => setOrganizationContext(core, '組織'),
      () => withContext(core, { applicationId: 'äpp' }),
      () => createPuguhCore({ baseUrl: server.url, organizationId: '😀' }),
    ]) {
      expect(action).toThrow(/is sent as a header, so it must be printable ASCII/);
    }
    expect(server.hits).toHaveLength(6);
  });
});
