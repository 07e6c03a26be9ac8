/**
 * json-server 0.17.4, the usual stand-in for a stateful mock, serving the objects the reference server answered
 * (taken from the bench's fixtures) at the same /api paths:
 *
 *   GET  /api/contacts/:id          the contact object (json-server answers the object, without `data`)
 *   GET  /api/contacts?limit=N      the first N contacts: those the reference's list answered (`_limit`), an array
 *   GET  /api/contacts?query=X      json-server's full-text search (`q`) over the contacts it holds, an array
 *   POST /api/notes                 a new note in the `notes` collection
 *
 * Run as its own process: `tsx scripts/bench/json-server.ts <db.json>` (the bench runs it bundled); prints `listening on <url>`. The router
 * is given the file, as `json-server db.json` does, so each write is saved to it (lowdb's FileSync). The same
 * rewrites are written as a routes file for json-server's CLI (the bench times the CLI's start-up).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { Fixture } from './fixtures.js';

/** json-server's own rewriter rules (express-urlrewrite), first match first; `?` is escaped to match the query. */
export const JSON_SERVER_ROUTES: Record<string, string> = {
  '/api/contacts\\?limit=:limit': '/contacts?_limit=:limit',
  '/api/contacts\\?query=:query': '/contacts?q=:query',
  '/api/*': '/$1',
};

export interface JsonServerData {
  contacts: { id: number }[];
  notes: { id: number }[];
}

/**
 * The json-server database made of the reference server's answers: every contact it answered, once, the listed
 * ones first and in the list's order (so `_limit` answers the same page), then the others (single contacts and
 * search hits). A contact answered twice must have been answered the same both times.
 */
export function jsonServerData(fixtures: Fixture[]): JsonServerData {
  const byId = new Map<number, { id: number }>();
  const add = (contact: { id: number }, where: string) => {
    const seen = byId.get(contact.id);
    if (seen && JSON.stringify(seen) !== JSON.stringify(contact)) throw new Error(`contact ${contact.id} differs in ${where}`);
    if (!seen) byId.set(contact.id, contact);
  };
  const gets = fixtures.filter((f) => f.method === 'GET' && f.status === 200);
  const lists = gets.filter((f) => /^\/api\/contacts\?/.test(f.path));
  // The list without a query first: its order is the order `_limit` must keep.
  lists.sort((a, b) => Number(a.path.includes('query=')) - Number(b.path.includes('query=')));
  for (const f of lists) for (const c of (JSON.parse(f.body) as { data: { id: number }[] }).data) add(c, f.path);
  for (const f of gets.filter((g) => /^\/api\/contacts\/\d+$/.test(g.path))) add((JSON.parse(f.body) as { data: { id: number } }).data, f.path);
  return { contacts: [...byId.values()], notes: [] };
}

interface JsonServerModule {
  create(): import('express').Express;
  router(source: string | object): import('express').RequestHandler;
  defaults(options: { logger?: boolean }): import('express').RequestHandler[];
  rewriter(routes: Record<string, string>): import('express').RequestHandler;
}

/** Starts json-server on `dbFile` (a JsonServerData as JSON) on 127.0.0.1 and an ephemeral port. */
export function startJsonServer(dbFile: string, port = 0): Promise<Server> {
  const jsonServer = createRequire(import.meta.url)('json-server') as JsonServerModule;
  // Fail early on an unreadable file: the router would only throw when it parses it.
  JSON.parse(readFileSync(dbFile, 'utf8'));
  const app = jsonServer.create();
  app.use(jsonServer.defaults({ logger: false }));
  app.use(jsonServer.rewriter(JSON_SERVER_ROUTES));
  app.use(jsonServer.router(dbFile));
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

// Real paths: the bench runs a bundle of this file from node_modules/.cache, which may be a symlink.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const dbFile = process.argv[2];
  if (!dbFile) {
    process.stderr.write('Usage: tsx scripts/bench/json-server.ts <db.json>\n');
    process.exit(2);
  }
  void startJsonServer(dbFile).then((server) => {
    process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
    process.once('SIGTERM', () => server.close(() => process.exit(0)));
  });
}
