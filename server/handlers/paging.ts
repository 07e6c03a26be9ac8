// Page parameters in, Laravel's paginated envelope (`data`, `links`, `meta`) out. The page size and the sort
// values of each list are its operation's metadata (`paging`, `sort`), read from the spec.
import type { PageLinks, PageMeta } from '../../generated/client/types.gen.js';
import { operations, type OperationId } from '../../generated/server/operations.gen.js';
import { parseSort, pageWindow, type PageOptions, type SortColumn } from '../store/pagination.js';

type Meta<K extends OperationId> = (typeof operations)[K];

/** The operations that answer a page (their metadata has `paging`). */
export type ListOperationId = { [K in OperationId]: Meta<K>['paging'] extends null ? never : K }[OperationId];

/** The columns a list sorts by (`sort.fields` of its metadata); none for a list in a fixed order. */
export type SortFieldOf<K extends OperationId> = Meta<K>['sort'] extends { fields: readonly (infer F)[] } ? F & SortColumn : never;

export interface PageQuery {
  page?: number;
  limit?: number;
  sort?: string;
}

export interface PageRequest<C extends SortColumn> {
  page: number;
  perPage: number;
  options: PageOptions<C>;
}

/**
 * The page a list operation is asked for: `limit` or the operation's default page size, and its `sort` when it is
 * one of the list's own values, else the list's default order (a list without `sort` metadata keeps the store's).
 */
export function pageRequest<K extends ListOperationId>(operationId: K, query: PageQuery | undefined): PageRequest<SortFieldOf<K>> {
  const { paging, sort } = operations[operationId] as Meta<ListOperationId>;
  // Pages past 2^53 are all the same empty page; the cap keeps `meta` and `links` exact integers.
  const page = Math.min(query?.page ?? 1, Number.MAX_SAFE_INTEGER);
  const perPage = query?.limit ?? paging.defaultLimit;
  const fields = (sort?.fields ?? []) as readonly SortFieldOf<K>[];
  const requested = query?.sort ? parseSort(query.sort, fields) : undefined;
  const order = requested ?? (sort ? { column: sort.defaultField as SortFieldOf<K>, direction: 'asc' as const } : undefined);
  return { page, perPage, options: { ...pageWindow(page, perPage), sort: order } };
}

/** What some lists add to `meta`: the search text, or yearly statistics. */
export type ExtraMeta = Partial<Pick<PageMeta, 'query' | 'statistics'>>;

/** Builds the envelope. `listUrl` is the list's absolute URL without a query string. */
export function paginate<T>(
  data: T[],
  total: number,
  request: { page: number; perPage: number },
  listUrl: string,
  extraMeta: ExtraMeta = {},
): { data: T[]; links: PageLinks; meta: PageMeta } {
  const { page, perPage } = request;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const pageUrl = (n: number) => `${listUrl}?page=${n}`;
  const from = data.length > 0 ? (page - 1) * perPage + 1 : null;
  const to = from === null ? null : from + data.length - 1;
  const pageLinks = pageWindowLinks(page, lastPage).map((n) =>
    n === null ? { url: null, label: '...', active: false } : { url: pageUrl(n), label: String(n), active: n === page },
  );
  return {
    data,
    links: {
      first: pageUrl(1),
      last: pageUrl(lastPage),
      prev: page > 1 ? pageUrl(page - 1) : null,
      next: page < lastPage ? pageUrl(page + 1) : null,
    },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      links: [
        { url: page > 1 ? pageUrl(page - 1) : null, label: '&laquo; Previous', active: false },
        ...pageLinks,
        { url: page < lastPage ? pageUrl(page + 1) : null, label: 'Next &raquo;', active: false },
      ],
      path: listUrl,
      per_page: perPage,
      to,
      total,
      ...extraMeta,
    },
  };
}

/**
 * The page numbers Laravel shows in `meta.links`: all of them for short lists, otherwise the first two,
 * three on each side of the current page and the last two, with `null` where a "..." gap goes.
 */
export function pageWindowLinks(current: number, last: number, onEachSide = 3): (number | null)[] {
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
  if (last < onEachSide * 2 + 8) return range(1, last);
  const window = onEachSide + 4;
  if (current <= window) return [...range(1, window + onEachSide), null, ...range(last - 1, last)];
  if (current > last - window) return [...range(1, 2), null, ...range(last - (window + onEachSide - 1), last)];
  return [...range(1, 2), null, ...range(current - onEachSide, current + onEachSide), null, ...range(last - 1, last)];
}
