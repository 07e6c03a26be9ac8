/**
 * The answers the bare servers replay: the reference server's own answer to each benchmarked request, fetched
 * once, so that every subject sends the same bytes.
 */
export interface Fixture {
  method: string;
  /** Path and query, e.g. `/api/contacts?limit=100`. */
  path: string;
  status: number;
  contentType: string;
  body: string;
}

/** The lookup key of a request: method and path with its query. */
export function fixtureKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function fixtureMap(fixtures: Fixture[]): Map<string, Fixture> {
  return new Map(fixtures.map((f) => [fixtureKey(f.method, f.path), f]));
}
