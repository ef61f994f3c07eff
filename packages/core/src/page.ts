import * as v from 'valibot';
import { PuguhError } from './errors/puguh-error';
import type { PuguhCore } from './internal/core-state';
import type { RequestOptions } from './options';
import { sendRequest } from './send-request';

/**
 * One page of a list: a real array of the items (so `for (const org of page)` works), plus
 * where the list goes on. `hasMore` and `nextCursor` are non-enumerable, so the page compares,
 * spreads and serialises exactly like the plain array.
 *
 * @public
 */
export interface Page<T> extends Array<T> {
  /** Whether more items follow this page. */
  readonly hasMore: boolean;
  /** The cursor of the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/**
 * What list functions return: awaiting it gives the first {@link Page}; iterating it with
 * `for await` yields every item of every page, fetching the next page only when needed.
 * The first page is requested at once, and iteration reuses it. Iteration ends with a
 * `PuguhError` `invalid_response` when the API's pagination does not advance: a `next_cursor` seen
 * before, `has_more` with no `next_cursor`, or 3 empty pages in a row that claim more follow.
 *
 * @public
 */
export interface PageRequest<T> extends Promise<Page<T>>, AsyncIterable<T> {}

/**
 * Pagination input accepted by every list function.
 *
 * @public
 */
export interface PageParameters {
  /** Items per page, 1–100 (the server's default is 20). */
  readonly limit?: number | undefined;
  /** Where to start: a `nextCursor` from an earlier page. */
  readonly cursor?: string | undefined;
}

/**
 * Auto-pagination gives up after this many consecutive empty pages that claim more follow: the
 * API never sends an empty page before the last, so a few in a row mean it is not advancing.
 */
const MAX_EMPTY_PAGES = 3;

interface WirePage<W> {
  data: W[];
  has_more: boolean;
  next_cursor: string | null;
}

/**
 * Validates a list envelope (`{data, has_more, next_cursor}`) and turns it into a {@link Page}.
 *
 * @param item The schema of one item.
 *
 * @returns The page schema.
 *
 * @example
 * ```ts
 * const OrganizationPageSchema = pageSchema(OrganizationSchema);
 * ```
 *
 * @public
 */
export function pageSchema<W, T>(item: v.GenericSchema<W, T>): v.GenericSchema<WirePage<W>, Page<T>> {
  return v.pipe(
    v.object({ data: v.array(item), has_more: v.boolean(), next_cursor: v.nullable(v.string()) }),
    v.transform(
      (wire) =>
        Object.defineProperties(wire.data as T[], {
          hasMore: { value: wire.has_more },
          nextCursor: { value: wire.next_cursor },
        }) as Page<T>,
    ),
  );
}

/**
 * Sends a GET for a paginated list and returns a {@link PageRequest}: awaitable for the first
 * page, async-iterable over all items. Every page request goes through `sendRequest`.
 *
 * @param core The core that sends the requests.
 * @param path The list's path (build it with `apiPath`).
 * @param item The schema of one item.
 * @param parameters `limit` and the starting `cursor`.
 * @param options Per-call options, applied to every page request.
 *
 * @returns The first page, iterable over every page.
 *
 * @throws `TypeError` for a `limit` outside 1–100 or a non-string cursor.
 *
 * @example
 * ```ts
 * const members = sendPageRequest(core, apiPath`v1/organizations/${orgId}/members`, MemberSchema, { limit: 50 });
 * for await (const member of members) console.log(member.email);
 * ```
 *
 * @public
 */
export function sendPageRequest<W, T>(
  core: PuguhCore,
  path: string,
  item: v.GenericSchema<W, T>,
  parameters: PageParameters = {},
  options?: RequestOptions,
): PageRequest<T> {
  const { limit, cursor } = parameters;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
    throw new TypeError('limit must be a whole number from 1 to 100');
  }
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
    throw new TypeError('cursor must be a non-empty string');
  }
  const schema = pageSchema(item) as v.GenericSchema<unknown, Page<T>>;
  const fetchPage = (from: string | undefined) =>
    sendRequest(core, { method: 'GET', path, query: { limit, cursor: from }, schema }, options);
  const first = fetchPage(cursor);
  // Callers who only iterate never await `first` directly; this keeps an early failure from being
  // reported as unhandled. Awaiting or iterating still rejects with it.
  first.catch(() => {});
  return Object.assign(first, {
    async *[Symbol.asyncIterator]() {
      let page = await first;
      // A server that repeats a cursor, or says "more" and sends nothing, would make this loop
      // forever — with a caller's `break` never reached. Both end with an error instead.
      const seen = new Set<string>(cursor === undefined ? [] : [cursor]);
      let emptyPages = 0;
      for (;;) {
        yield* page;
        if (!page.hasMore) return;
        const next = page.nextCursor;
        emptyPages = page.length === 0 ? emptyPages + 1 : 0;
        const problem =
          next === null
            ? 'has_more is true but next_cursor is null'
            : seen.has(next)
              ? 'next_cursor repeats an earlier cursor'
              : emptyPages >= MAX_EMPTY_PAGES
                ? `${MAX_EMPTY_PAGES} pages in a row had no items but has_more`
                : undefined;
        if (problem) {
          throw new PuguhError(`The API's pagination does not advance (${problem})`, {
            code: 'invalid_response',
            details: { path },
          });
        }
        seen.add(next as string);
        page = await fetchPage(next as string);
      }
    },
  });
}
