import {
  apiPath,
  type PageParameters,
  type PageRequest,
  type PuguhCore,
  type RequestOptions,
} from '@puguh/core';
import { requireInput, resolveOrganizationId, sendPageRequest } from '@puguh/core/internal';
import { type Invoice, InvoiceSchema } from './schemas/invoice';

/**
 * Input of {@link getInvoices}.
 *
 * @public
 */
export interface GetInvoicesInput extends PageParameters {
  /** The organization (`org_…`); defaults to the core's organization context. */
  readonly orgId?: string | undefined;
}

/**
 * Lists an organization's invoices, newest first. Awaiting the result gives the first page;
 * `for await` over it yields every invoice of every page.
 *
 * Exported from `@puguh/billing`; `client.billing.getInvoices()` on `PuguhClient`.
 *
 * @param core The core that sends the request.
 * @param input The organization and pagination (`limit` 1–100, `cursor`).
 * @param options Per-call options, applied to every page request.
 *
 * @returns The first page, iterable over every page.
 *
 * @throws `TypeError` (synchronously, nothing sent) when there is no `orgId` and no organization
 *   context, or for a bad `limit`/`cursor`. When awaited or iterated: {@link AuthError} (401),
 *   {@link PuguhError} with `organization_not_found` (404) or `invalid_cursor` (400),
 *   {@link RateLimitError}, {@link NetworkError}.
 *
 * @example
 * ```ts
 * for await (const invoice of getInvoices(core, { orgId: 'org_123' })) {
 *   console.log(invoice.createdAt, invoice.total, invoice.status);
 * }
 * ```
 *
 * @public
 */
export function getInvoices(
  core: PuguhCore,
  input: GetInvoicesInput = {},
  options?: RequestOptions,
): PageRequest<Invoice> {
  requireInput(input, 'orgId');
  const orgId = resolveOrganizationId(core, input.orgId);
  return sendPageRequest(
    core,
    apiPath`v1/organizations/${orgId}/invoices`,
    InvoiceSchema,
    { limit: input.limit, cursor: input.cursor },
    options,
  );
}
