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
