import * as v from 'valibot';

/**
 * An organization: a tenant that owns applications, members and a subscription.
 *
 * @public
 */
export interface Organization {
  /** Opaque organization id (`org_…`). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** URL-safe unique handle: lower-case letters, digits and single hyphens. */
  readonly slug: string;
  /** When it was created (ISO 8601, kept as a string). */
  readonly createdAt: string;
  /** When its name or slug last changed (ISO 8601). */
  readonly updatedAt: string;
}

interface WireOrganization {
  id: string;
  name: string;
  slug: string;
  created_at: string;
  updated_at: string;
}

/** Validates an organization from the wire and converts it to {@link Organization}. */
export const OrganizationSchema: v.GenericSchema<WireOrganization, Organization> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      id: v.string(),
      name: v.string(),
      slug: v.string(),
      created_at: v.string(),
      updated_at: v.string(),
    }),
    v.transform(
      (wire): Organization => ({
        id: wire.id,
        name: wire.name,
        slug: wire.slug,
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    ),
  ))();
