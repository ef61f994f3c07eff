import type { PasswordHash } from './passwords';

/**
 * A role in an organization or an application, from most to least powerful.
 *
 * @public
 */
export type Role = 'owner' | 'admin' | 'member';

/**
 * The rank of each role, so checks read `rank(role) >= rank('admin')`.
 *
 * @example
 * ```ts
 * ROLE_RANK.owner > ROLE_RANK.admin; // true
 * ```
 *
 * @internal
 */
export const ROLE_RANK: Readonly<Record<Role, number>> = { owner: 3, admin: 2, member: 1 };

/**
 * A registered user, as stored.
 *
 * @example
 * ```ts
 * const user: UserRecord | undefined = store.users.get(userId);
 * ```
 *
 * @internal
 */
export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
  readonly password: PasswordHash;
  readonly createdAt: number;
  readonly seq: number;
  /** The confirmed TOTP secret; set once MFA is on. */
  mfaSecret: string | undefined;
  /** A secret from `mfa/setup` waiting for `mfa/confirm`. */
  pendingMfaSecret: string | undefined;
  /** SHA-256 hex digests of the unused recovery codes. */
  recoveryCodeHashes: string[];
}

/**
 * An organization, as stored.
 *
 * @example
 * ```ts
 * const organization: OrganizationRecord | undefined = store.organizations.get(orgId);
 * ```
 *
 * @internal
 */
export interface OrganizationRecord {
  readonly id: string;
  name: string;
  slug: string;
  readonly createdAt: number;
  updatedAt: number;
  readonly seq: number;
}

/**
 * A membership in an organization or an application.
 *
 * @example
 * ```ts
 * const membership: MembershipRecord | undefined = store.memberships.get(orgId)?.get(userId);
 * ```
 *
 * @internal
 */
export interface MembershipRecord {
  readonly userId: string;
  role: Role;
  readonly joinedAt: number;
  readonly seq: number;
}

/**
 * An invitation to an organization.
 *
 * @example
 * ```ts
 * const pending = [...store.invitations.values()].filter((invitation) => invitation.status === 'pending');
 * ```
 *
 * @internal
 */
export interface InvitationRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly email: string;
  role: Role;
  status: 'pending' | 'accepted';
  expiresAt: number;
  readonly createdAt: number;
}

/**
 * An application inside an organization.
 *
 * @example
 * ```ts
 * const application: ApplicationRecord | undefined = store.applications.get(appId);
 * ```
 *
 * @internal
 */
export interface ApplicationRecord {
  readonly id: string;
  readonly organizationId: string;
  name: string;
  slug: string;
  readonly createdAt: number;
  updatedAt: number;
  readonly seq: number;
}

/**
 * An organization's subscription.
 *
 * @example
 * ```ts
 * const subscription: SubscriptionRecord | undefined = store.subscriptions.get(orgId);
 * ```
 *
 * @internal
 */
export interface SubscriptionRecord {
  readonly id: string;
  readonly organizationId: string;
  planId: string;
  status: 'active' | 'canceled' | 'past_due' | 'trialing';
  currentPeriodStart: number;
  currentPeriodEnd: number;
  cancelAtPeriodEnd: boolean;
  readonly createdAt: number;
}

/**
 * An issued invoice.
 *
 * @example
 * ```ts
 * const invoices: InvoiceRecord[] = store.invoices.get(orgId) ?? [];
 * ```
 *
 * @internal
 */
export interface InvoiceRecord {
  readonly id: string;
  readonly organizationId: string;
  readonly subscriptionId: string;
  readonly planId: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: 'paid' | 'open' | 'void';
  readonly description: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly createdAt: number;
  readonly seq: number;
}

/**
 * A refresh token: single use, in a family that reuse revokes.
 *
 * @example
 * ```ts
 * const record: RefreshTokenRecord | undefined = store.refreshTokens.get(refreshToken);
 * ```
 *
 * @internal
 */
export interface RefreshTokenRecord {
  readonly userId: string;
  readonly familyId: string;
  readonly expiresAt: number;
  used: boolean;
}

/**
 * A magic-link token: single use, expiring.
 *
 * @example
 * ```ts
 * const record: MagicLinkRecord | undefined = store.magicLinks.get(token);
 * ```
 *
 * @internal
 */
export interface MagicLinkRecord {
  readonly userId: string;
  readonly expiresAt: number;
  used: boolean;
}

/**
 * All the state of one local API, in memory. Routes read and write it synchronously after their
 * awaits, so concurrent requests cannot interleave between a check and the write it guards.
 *
 * @example
 * ```ts
 * const store: Store = createStore();
 * ```
 *
 * @internal
 */
export interface Store {
  readonly users: Map<string, UserRecord>;
  /** Normalised (lower-case) email → user id. */
  readonly userIdsByEmail: Map<string, string>;
  readonly organizations: Map<string, OrganizationRecord>;
  /** Organization id → user id → membership. */
  readonly memberships: Map<string, Map<string, MembershipRecord>>;
  readonly invitations: Map<string, InvitationRecord>;
  readonly applications: Map<string, ApplicationRecord>;
  /** Application id → user id → membership. */
  readonly applicationMembers: Map<string, Map<string, MembershipRecord>>;
  /** Organization id → its subscription (the latest one). */
  readonly subscriptions: Map<string, SubscriptionRecord>;
  /** Organization id → its invoices, oldest first. */
  readonly invoices: Map<string, InvoiceRecord[]>;
  /** Organization id → usage period start (ms) → API calls in that period. */
  readonly apiCalls: Map<string, Map<number, number>>;
  readonly refreshTokens: Map<string, RefreshTokenRecord>;
  readonly revokedFamilies: Set<string>;
  readonly magicLinks: Map<string, MagicLinkRecord>;
  /** A counter that orders records of every kind; cursors point into it. */
  nextSeq(): number;
}

/**
 * Creates an empty store.
 *
 * @returns The store.
 *
 * @example
 * ```ts
 * const store = createStore();
 * store.users.size; // 0
 * ```
 *
 * @internal
 */
export function createStore(): Store {
  let seq = 0;
  return {
    users: new Map(),
    userIdsByEmail: new Map(),
    organizations: new Map(),
    memberships: new Map(),
    invitations: new Map(),
    applications: new Map(),
    applicationMembers: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    apiCalls: new Map(),
    refreshTokens: new Map(),
    revokedFamilies: new Set(),
    magicLinks: new Map(),
    nextSeq: () => ++seq,
  };
}

/**
 * Normalises an email for lookups: trimmed and lower-cased.
 *
 * @param email The email as given.
 *
 * @returns The normalised email.
 *
 * @example
 * ```ts
 * normalizeEmail(' Ada@Example.TEST '); // 'ada@example.test'
 * ```
 *
 * @internal
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
