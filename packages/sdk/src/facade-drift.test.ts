import * as applications from '@puguh/applications';
import * as auth from '@puguh/auth';
import * as billing from '@puguh/billing';
import * as core from '@puguh/core';
import * as organizations from '@puguh/organizations';
import { describe, expect, test } from 'vitest';
import * as sdk from './index';
import type { ApplicationsNamespace } from './namespaces/applications';
import type { AuthNamespace } from './namespaces/auth';
import type { BillingNamespace } from './namespaces/billing';
import type { OrganizationsNamespace } from './namespaces/organizations';
import { PuguhClient } from './puguh-client';

// Facade member → standalone function. `satisfies` makes a typo on either side a type error.
const authMembers = {
  login: 'login',
  register: 'register',
  refreshToken: 'refreshToken',
  validateToken: 'validateToken',
  requestMagicLink: 'requestMagicLink',
  verifyMagicLink: 'verifyMagicLink',
  setupMfa: 'setupMfa',
  confirmMfa: 'confirmMfa',
  disableMfa: 'disableMfa',
  verifyAccessToken: 'verifyAccessToken',
} as const satisfies Record<keyof AuthNamespace, keyof typeof auth>;
const organizationsMembers = {
  list: 'listOrganizations',
  create: 'createOrganization',
  get: 'getOrganization',
  update: 'updateOrganization',
  delete: 'deleteOrganization',
  listMembers: 'listOrganizationMembers',
  inviteMember: 'inviteOrganizationMember',
  updateMemberRole: 'updateOrganizationMemberRole',
  removeMember: 'removeOrganizationMember',
} as const satisfies Record<keyof OrganizationsNamespace, keyof typeof organizations>;
const applicationsMembers = {
  list: 'listApplications',
  create: 'createApplication',
  get: 'getApplication',
  update: 'updateApplication',
  delete: 'deleteApplication',
  listMembers: 'listApplicationMembers',
  addMember: 'addApplicationMember',
} as const satisfies Record<keyof ApplicationsNamespace, keyof typeof applications>;
const billingMembers = {
  getPlans: 'getPlans',
  getPlan: 'getPlan',
  getSubscription: 'getSubscription',
  createSubscription: 'createSubscription',
  upgrade: 'upgradeSubscription',
  cancel: 'cancelSubscription',
  getInvoices: 'getInvoices',
  getUsage: 'getUsage',
} as const satisfies Record<keyof BillingNamespace, keyof typeof billing>;

/**
 * Functions with no facade member, and why: `decodeAccessToken` takes no core, and
 * `automaticRefresh` is what the client wires in itself when given a refresh token.
 */
const standaloneOnly = ['decodeAccessToken', 'automaticRefresh'];

const functionsOf = (module: object) =>
  Object.entries(module)
    .filter(([name, value]) => typeof value === 'function' && !standaloneOnly.includes(name))
    .map(([name]) => name)
    .sort();

const client = new PuguhClient({ baseUrl: 'https://api.puguh.test' });

describe.each([
  ['auth', auth, authMembers, client.auth],
  ['organizations', organizations, organizationsMembers, client.organizations],
  ['applications', applications, applicationsMembers, client.applications],
  ['billing', billing, billingMembers, client.billing],
] as const)('client.%s', (_name, module, members, namespace) => {
  test('has a member for every exported function of its package, and no other', () => {
    expect(Object.values(members).sort()).toEqual(functionsOf(module));
    expect(Object.keys(namespace).sort()).toEqual(Object.keys(members).sort());
  });

  test('each member is a function', () => {
    for (const member of Object.values(namespace)) expect(typeof member).toBe('function');
  });
});

test('@puguh/sdk exports the facade itself', () => {
  expect(sdk.PuguhClient).toBe(PuguhClient);
});

test('@puguh/sdk re-exports every runtime export of the packages it bundles, by the same name', () => {
  const reexported = new Map(Object.entries(sdk));
  for (const module of [core, auth, organizations, applications, billing]) {
    for (const [name, value] of Object.entries(module)) expect(reexported.get(name), name).toBe(value);
  }
});

test('every method of the Python SDK docs has its PuguhClient counterpart', () => {
  // snake_case Python name → the camelCase path on PuguhClient (spec/python-sdk-reference.md).
  const python: Record<string, string> = {
    'auth.login': 'auth.login',
    'auth.register': 'auth.register',
    'auth.refresh_token': 'auth.refreshToken',
    'auth.validate_token': 'auth.validateToken',
    'auth.request_magic_link': 'auth.requestMagicLink',
    'auth.verify_magic_link': 'auth.verifyMagicLink',
    'auth.setup_mfa': 'auth.setupMfa',
    'auth.confirm_mfa': 'auth.confirmMfa',
    'auth.disable_mfa': 'auth.disableMfa',
    'organizations.list': 'organizations.list',
    'organizations.create': 'organizations.create',
    'organizations.get': 'organizations.get',
    'organizations.update': 'organizations.update',
    'organizations.delete': 'organizations.delete',
    'organizations.list_members': 'organizations.listMembers',
    'organizations.invite_member': 'organizations.inviteMember',
    'organizations.update_member_role': 'organizations.updateMemberRole',
    'organizations.remove_member': 'organizations.removeMember',
    'applications.list': 'applications.list',
    'applications.create': 'applications.create',
    'applications.get': 'applications.get',
    'applications.update': 'applications.update',
    'applications.delete': 'applications.delete',
    'applications.list_members': 'applications.listMembers',
    'applications.add_member': 'applications.addMember',
    'billing.get_plans': 'billing.getPlans',
    'billing.get_plan': 'billing.getPlan',
    'billing.get_subscription': 'billing.getSubscription',
    'billing.create_subscription': 'billing.createSubscription',
    'billing.upgrade': 'billing.upgrade',
    'billing.cancel': 'billing.cancel',
    'billing.get_invoices': 'billing.getInvoices',
    'billing.get_usage': 'billing.getUsage',
    set_organization_context: 'setOrganizationContext',
    set_application_context: 'setApplicationContext',
    clear_context: 'clearContext',
  };
  for (const [pythonName, path] of Object.entries(python)) {
    const member = path
      .split('.')
      .reduce<unknown>((target, key) => (target as Record<string, unknown>)?.[key], client);
    expect(typeof member, `${pythonName} → client.${path}`).toBe('function');
  }
});
