import { toApiTimestamp } from './dates.js';

/**
 * What presenters need to know about the request: the API base URL used to
 * build `url` fields, e.g. `http://localhost:8080/api`.
 */
export interface PresentContext {
  baseUrl: string;
}

/** Joins the base URL and a path without doubling slashes. */
export function apiUrl(ctx: PresentContext, path: string): string {
  return `${ctx.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Where a stored file would be downloaded from: Monica serves uploads under `/storage/` beside `/api`
 * (`https://app.monicahq.com/storage/photos/...`). The contract has no download operation, and this
 * reference server does not serve that path.
 */
export function storageUrl(ctx: PresentContext, relative: string): string {
  return `${ctx.baseUrl.replace(/\/+$/, '').replace(/\/api$/, '')}/storage/${relative}`;
}

/** SQLite stores booleans as 0/1; the API sends JSON booleans. */
export function bool(value: number | boolean | null | undefined): boolean {
  return Boolean(value);
}

/** What an account's row stores of its owner and times. */
export interface AccountRow {
  account_id: number;
  created_at: string | null;
  updated_at: string | null;
}

/** When a row was created and last updated, as the API writes times. */
export function times(row: Pick<AccountRow, 'created_at' | 'updated_at'>): { created_at: string | null; updated_at: string | null } {
  return { created_at: toApiTimestamp(row.created_at), updated_at: toApiTimestamp(row.updated_at) };
}

/** The members every object of an account ends with: its account, then when it was created and last updated. */
export function accountAndTimes(row: AccountRow): { account: { id: number }; created_at: string | null; updated_at: string | null } {
  return { account: { id: row.account_id }, ...times(row) };
}

/** An object of an account: its id and kind, its own members (`fields`, in their order), its account and times. */
export function accountObject<O extends string, F extends object>(row: AccountRow & { id: number }, object: O, fields: F) {
  return { id: row.id, object, ...fields, ...accountAndTimes(row) };
}
