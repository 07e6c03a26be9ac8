/**
 * Paging and ordering helpers shared by every list in the store.
 */

import { operations, type OperationId } from '../../generated/server/operations.gen.js';
import { stmt, type Db } from './db.js';

export type SortDirection = 'asc' | 'desc';

/** The columns lists can be ordered by: every `fields` of the operations' `sort` metadata (each list its own). */
export type SortColumn = NonNullable<(typeof operations)[OperationId]['sort']>['fields'][number];

/** The same at run time: the only column names an ORDER BY is ever built from. */
const SORT_COLUMNS: ReadonlySet<string> = new Set(Object.values(operations).flatMap((op) => op.sort?.fields ?? []));

export interface Sort<C extends SortColumn = SortColumn> {
  column: C;
  direction: SortDirection;
}

export interface PageOptions<C extends SortColumn = SortColumn> {
  limit: number;
  offset: number;
  /** Defaults to `DEFAULT_SORT`; the handlers pass the list's own default (`sort.defaultField` of its metadata). */
  sort?: Sort<C>;
}

/** Every list returns one page of rows plus the total number of matching rows. */
export interface Page<T> {
  rows: T[];
  total: number;
}

export const DEFAULT_SORT: Sort<'created_at'> = { column: 'created_at', direction: 'asc' };

/** Converts a 1-based page number and a page size into LIMIT/OFFSET values. */
export function pageWindow(page: number, limit: number): { limit: number; offset: number } {
  const size = Math.max(0, Math.trunc(limit));
  // A page beyond 2^53 (the validator lets `page=1e308` through as an integer) would make an offset SQLite
  // cannot take as an integer: such a page is simply past the end.
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), Number.MAX_SAFE_INTEGER);
  return { limit: size, offset: (current - 1) * size };
}

/**
 * Reads Monica's `sort` query value (`created_at`, `-updated_at`, ...) into a
 * `Sort`, or returns undefined for a value outside `allowed` (a list's `sort.fields`).
 */
export function parseSort<C extends SortColumn>(
  value: string,
  allowed: readonly C[],
): Sort<C> | undefined {
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const column = (direction === 'desc' ? value.slice(1) : value) as C;
  return allowed.includes(column) ? { column, direction } : undefined;
}

/**
 * Builds a safe ORDER BY clause (column then id, same direction): the column is one of the metadata's sort
 * fields, else the default order. `alias` prefixes the columns, e.g. `c.`.
 */
export function orderClause(sort: Sort | undefined, alias = ''): string {
  const { column, direction } = sort && SORT_COLUMNS.has(sort.column) ? sort : DEFAULT_SORT;
  const dir = direction === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${alias}${column} ${dir}, ${alias}id ${dir}`;
}

/** Clamps paging values to non-negative integers. */
export function limitOffset(opts: { limit: number; offset: number }): [number, number] {
  return [Math.max(0, Math.trunc(opts.limit)), Math.max(0, Math.trunc(opts.offset))];
}

/**
 * One page of what a query selects and how many rows there are in all: `select` is the query up to its ORDER BY (the
 * page's LIMIT and OFFSET are added), `count` counts the same rows, and both take `params`.
 */
export function pageOf<R>(db: Db, select: string, count: string, params: readonly unknown[], opts: { limit: number; offset: number }): Page<R> {
  const [limit, offset] = limitOffset(opts);
  const rows = stmt<R>(db, `${select} LIMIT ? OFFSET ?`).all(...params, limit, offset);
  const total = stmt<{ n: number }>(db, count).get(...params)!.n;
  return { rows, total };
}
