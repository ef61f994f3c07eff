import * as v from 'valibot';

/**
 * An application inside an organization.
 *
 * @public
 */
export interface Application {
  /** Application id (`app_…`). */
  readonly id: string;
  /** The organization the application belongs to (`org_…`). */
  readonly organizationId: string;
  /** Display name. */
  readonly name: string;
  /** URL-friendly identifier. */
  readonly slug: string;
  /** When it was created (ISO 8601 UTC). */
  readonly createdAt: string;
  /** When it last changed (ISO 8601 UTC). */
  readonly updatedAt: string;
}

interface WireApplication {
  id: string;
  organization_id: string;
  name: string;
  slug: string;
  created_at: string;
  updated_at: string;
}

/** Validates an application from the wire and converts it to {@link Application}. */
export const ApplicationSchema: v.GenericSchema<WireApplication, Application> = /* @__PURE__ */ (() =>
  v.pipe(
    v.object({
      id: v.string(),
      organization_id: v.string(),
      name: v.string(),
      slug: v.string(),
      created_at: v.string(),
      updated_at: v.string(),
    }),
    v.transform(
      (wire): Application => ({
        id: wire.id,
        organizationId: wire.organization_id,
        name: wire.name,
        slug: wire.slug,
        createdAt: wire.created_at,
        updatedAt: wire.updated_at,
      }),
    ),
  ))();
