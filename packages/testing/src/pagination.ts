import type { Context } from 'hono';
import { ApiError } from './errors';
import { base64Url } from './random';
import type { AppEnv } from './state';

/**
 * One page of a list: `{"data": [...], "has_more": bool, "next_cursor": string|null}`.
 *
 * @example
 * ```ts
 * const page: Page<Plan> = { data: [], has_more: false, next_cursor: null };
 * ```
 *
 * @internal
 */
export interface Page<T> {
  readonly data: T[];
  readonly has_more: boolean;
  readonly next_cursor: string | null;
}

/**
 * How a list is ordered and what identifies an item's position in it.
 *
 * @example
 * ```ts
 * const spec: ListSpec<InvoiceRecord> = { kind: 'invoices', seqOf: (invoice) => invoice.seq, order: 'desc' };
 * ```
 *
 * @internal
 */
export interface ListSpec<T> {
  /** Names the list, so a cursor of one list is refused by another. */
  readonly kind: string;
  /** The store-wide sequence number of an item; cursors point at it, so deletes do not shift pages. */
  readonly seqOf: (item: T) => number;
  /** `asc` for oldest first, `desc` for newest first. */
  readonly order: 'asc' | 'desc';
  readonly defaultLimit?: number;
}

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

/**
 * Cuts one page out of an already ordered list, from the request's `?limit=` (1–100, default 20)
 * and `?cursor=`.
 *
 * @param c The request context.
 * @param items Every item, in list order.
 * @param spec How the list is ordered.
 *
 * @returns The page.
 *
 * @throws {@link ApiError} `400 invalid_request` for a bad limit, `400 invalid_cursor` for a bad cursor.
 *
 * @example
 * ```ts
 * return c.json(paginate(c, organizations, { kind: 'organizations', seqOf: (o) => o.seq, order: 'asc' }));
 * ```
 *
 * @internal
 */
export function paginate<T>(c: Context<AppEnv>, items: readonly T[], spec: ListSpec<T>): Page<T> {
  const limit = parseLimit(c.req.query('limit'), spec.defaultLimit ?? DEFAULT_LIMIT);
  const cursor = c.req.query('cursor');
  let remaining = items;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor, spec.kind);
    remaining = items.filter((item) =>
      spec.order === 'asc' ? spec.seqOf(item) > after : spec.seqOf(item) < after,
    );
  }
  const data = remaining.slice(0, limit);
  const hasMore = remaining.length > limit;
  const last = data[data.length - 1];
  return {
    data,
    has_more: hasMore,
    next_cursor: hasMore && last !== undefined ? encodeCursor(spec.kind, spec.seqOf(last)) : null,
  };
}

function parseLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw new ApiError(400, 'invalid_request', 'The limit query parameter is invalid.', {
      fields: { limit: `must be an integer from 1 to ${MAX_LIMIT}` },
    });
  }
  return limit;
}

function encodeCursor(kind: string, seq: number): string {
  return base64Url(new TextEncoder().encode(`${kind}:${seq}`));
}

function decodeCursor(cursor: string, kind: string): number {
  let text = '';
  try {
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    // Falls through to the error below.
  }
  const match = /^([a-z_]+):(\d{1,15})$/.exec(text);
  if (match === null || match[1] !== kind) {
    throw new ApiError(400, 'invalid_cursor', 'The cursor is not valid for this list.');
  }
  return Number(match[2]);
}
