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

/** SQLite stores booleans as 0/1; the API sends JSON booleans. */
export function bool(value: number | boolean | null | undefined): boolean {
  return Boolean(value);
}
