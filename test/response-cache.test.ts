// The response cache (server/http/responseCache.ts) and the caller cache (server/http/auth.ts): a repeated GET
// gets exactly the bytes a server without the cache makes, and nothing stale is ever answered after a write,
// whoever makes it (the API, or another connection to the database file).
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, operations, resolveRef, type JsonObject } from '../contract/index.js';
import { startServer, type RunningServer } from '../server/start.js';
import { createResponseCache } from '../server/http/responseCache.js';
import { cachedCallerLookup } from '../server/http/auth.js';

const START = new Date('2024-05-01T10:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'monica-cache-'));
let clockMs = START.getTime();
const now = () => new Date(clockMs);
let cached: RunningServer;
let uncached: RunningServer;

beforeAll(async () => {
  // Two servers on the same demo data (files of their own), the same clock; one makes every answer anew.
  cached = await startServer({ port: 0, databasePath: path.join(dir, 'a', 'db.sqlite'), now, rateLimit: 1e9, log: () => {} });
  uncached = await startServer({ port: 0, databasePath: path.join(dir, 'b', 'db.sqlite'), now, rateLimit: 1e9, responseCache: false, log: () => {} });
}, 60_000);

afterAll(async () => {
  await cached?.close();
  await uncached?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stored files get random names. */
const STORED_NAME = /(photos|documents)\/[A-Za-z0-9]{20,}/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function get(server: RunningServer, url: string, token = server.tokens.demo): Promise<Answer> {
  const response = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !/^(date|x-ratelimit-remaining|keep-alive|connection)$/i.test(name)));
  // Ports, random UUIDs and stored file names differ between the two servers; everything else must not.
  const body = (await response.text()).replaceAll(new URL(server.url).host, 'HOST').replace(UUID, 'UUID').replace(STORED_NAME, '$1/NAME');
  return { status: response.status, headers, body };
}

/** Every GET operation's documented request: the path parameters' examples from the bundle. */
function documentedGets(): string[] {
  const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as JsonObject;
  const urls: string[] = [];
  for (const op of Object.values(operations)) {
    if (op.method !== 'get') continue;
    const item = (bundle['paths'] as Record<string, Record<string, JsonObject>>)[op.path]!;
    const params = ((item['get']!['parameters'] ?? []) as JsonObject[]).map((p) => resolveRef(bundle, p) as JsonObject);
    let url: string = op.path;
    for (const p of params.filter((x) => x['in'] === 'path')) url = url.replace(`{${String(p['name'])}}`, String(p['example'] ?? 1));
    urls.push(url);
  }
  return urls;
}

describe('response cache', () => {
  it('answers every documented GET, asked twice, with the bytes and headers of a server that makes each answer anew', async () => {
    const urls = documentedGets();
    expect(urls.length).toBeGreaterThan(70);
    let ok = 0;
    for (const url of urls) {
      const reference = await get(uncached, url);
      const first = await get(cached, url);
      const second = await get(cached, url);
      for (const answer of [first, second]) {
        expect({ status: answer.status, headers: answer.headers }, url).toEqual({ status: reference.status, headers: reference.headers });
        // Bodies are long: on a difference, say where it starts rather than print both.
        const at = [...answer.body].findIndex((c, i) => c !== reference.body[i]);
        expect(answer.body === reference.body ? -1 : at, `${url}: ${answer.body.slice(Math.max(0, at - 80), at + 80)}`).toBe(-1);
      }
      if (reference.status === 200) ok += 1;
    }
    // Many documented examples name demo objects (34 of 82 today): the cached path was taken, not only errors.
    expect(ok).toBeGreaterThanOrEqual(30);
    // Each of those was kept once and then answered from the cache (response validation on, as by default).
    const stats = cached.responseCacheStats()!;
    expect(stats.kept).toBeGreaterThanOrEqual(ok);
    expect(stats.hits).toBeGreaterThanOrEqual(ok);
    expect(uncached.responseCacheStats()).toBeUndefined();
  }, 120_000);

  it('a write through the API or through another connection to the file is seen at once', async () => {
    const contact = JSON.parse((await get(cached, '/contacts?limit=1')).body).data[0] as { id: number; first_name: string };
    const url = `/contacts/${contact.id}`;
    const name = async () => (JSON.parse((await get(cached, url)).body).data as { first_name: string }).first_name;
    expect(await name()).toBe(contact.first_name);
    expect(await name()).toBe(contact.first_name);

    // Through the API.
    const put = await fetch(`${cached.url}${url}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${cached.tokens.demo}`, 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Renamed', is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, gender_id: 1 }),
    });
    expect(put.status, await put.text()).toBe(200);
    expect(await name()).toBe('Renamed');

    // Another connection to the same file: a second process, or the sqlite3 shell. (Tags: the contacts table's
    // triggers call a function only the server's connection has.)
    const tagName = async () => (JSON.parse((await get(cached, '/tags?limit=1')).body).data[0] as { name: string }).name;
    const before = await tagName();
    expect(await tagName()).toBe(before);
    const other = new Database(path.join(dir, 'a', 'db.sqlite'));
    try {
      expect(other.prepare('UPDATE tags SET name = ? WHERE id = (SELECT MIN(id) FROM tags WHERE account_id = 1)').run('from elsewhere').changes).toBe(1);
      expect(await tagName()).toBe('from elsewhere');
    } finally {
      other.close();
    }
  });

  it('a token revoked is refused at once, though its answers were cached', async () => {
    const token = cached.issueToken('short-lived');
    expect((await get(cached, '/contacts?limit=2', token)).status).toBe(200);
    expect((await get(cached, '/contacts?limit=2', token)).status).toBe(200);
    const other = new Database(path.join(dir, 'a', 'db.sqlite'));
    try {
      expect(other.prepare("DELETE FROM api_tokens WHERE name = 'short-lived'").run().changes).toBe(1);
    } finally {
      other.close();
    }
    expect((await get(cached, '/contacts?limit=2', token)).status).toBe(401);
  });

  it('the clock is part of the key: an answer that reads the date is made again when it moves', async () => {
    const before = await get(cached, '/statistics');
    expect(before.status).toBe(200);
    const stats = cached.responseCacheStats()!;
    // The same second: a hit. A second later: made anew and kept, whether or not its bytes differ.
    await get(cached, '/statistics');
    expect(cached.responseCacheStats()!.hits).toBe(stats.hits + 1);
    clockMs += 1000;
    const after = await get(cached, '/statistics');
    expect(cached.responseCacheStats()!).toMatchObject({ hits: stats.hits + 1, kept: stats.kept + 1 });
    expect(after).toEqual(await get(uncached, '/statistics'));
  });
});

describe('response cache, on its own', () => {
  it('keeps at most maxBytes of bodies, dropping the least recently used first', async () => {
    const express = (await import('express')).default;
    let made = 0;
    const cache = createResponseCache({ stamp: () => 'same', now: () => START, maxBytes: 250 });
    const app = express();
    app.use(cache.serve);
    app.get('/:n', (req, res) => {
      made += 1;
      res.json({ n: req.params.n, pad: 'x'.repeat(80) });
    });
    const server = app.listen(0);
    try {
      const { port } = server.address() as { port: number };
      const hit = async (n: number) => (await fetch(`http://127.0.0.1:${port}/${n}`)).json();
      for (const n of [1, 2, 1, 2]) await hit(n);
      expect(made).toBe(2);
      // A third body does not fit beside both: 1, the least recently used, goes.
      await hit(3);
      await hit(2);
      expect(made).toBe(3);
      await hit(1);
      expect(made).toBe(4);
    } finally {
      server.close();
    }
  });

  it('the caller cache looks again once the data stamp changes', () => {
    let stamp = 'a';
    let lookups = 0;
    const find = cachedCallerLookup(
      (token) => {
        lookups += 1;
        return token === 'good' ? { accountId: 1, userId: 1, userName: 'A' } : undefined;
      },
      () => stamp,
    );
    expect(find('good')).toEqual({ accountId: 1, userId: 1, userName: 'A' });
    expect(find('good')).toEqual({ accountId: 1, userId: 1, userName: 'A' });
    expect(find('bad')).toBeUndefined();
    expect(lookups).toBe(2);
    stamp = 'b';
    find('good');
    expect(lookups).toBe(3);
  });
});
