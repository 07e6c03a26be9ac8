// Secrets stay secret: tokens are stored only as SHA-256 digests and compared in constant time, and no answer
// carries SQL, a stack trace or a file path, even when the database itself fails.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findAccountByToken } from '../../server/store/accounts.js';
import { startFileServer, type FileServer } from './fileServer.js';

// On a busy machine servers start and answer slowly; these bounds only catch a hang.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

// Every call the store makes to timingSafeEqual is recorded, so a test can see the comparison happen.
const crypto = vi.hoisted(() => ({ timingSafeEqualCalls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual: typeof actual.timingSafeEqual = (a, b) => {
    crypto.timingSafeEqualCalls += 1;
    return actual.timingSafeEqual(a, b);
  };
  return { ...actual, default: { ...actual, timingSafeEqual }, timingSafeEqual };
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let server: FileServer;
const logged: string[] = [];
let issued: string;

beforeAll(async () => {
  server = await startFileServer({ log: (message) => logged.push(message) });
  issued = server.running.issueToken('secrets test');
});
afterAll(async () => {
  await server?.close();
});

describe('tokens', () => {
  it('are stored only as their SHA-256 digest: no table and no byte of the database files holds one', () => {
    const tokens = [server.tokens.demo, server.tokens.other, issued];
    const stored = (server.db.prepare('SELECT token_hash FROM api_tokens').all() as { token_hash: string }[]).map((r) => r.token_hash);
    expect(stored).toEqual(expect.arrayContaining(tokens.map(sha256)));
    const tables = (server.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const everyCell = tables.flatMap((table) => server.db.prepare(`SELECT * FROM "${table}"`).all().flatMap((row) => Object.values(row as object)));
    const files = [server.databasePath, `${server.databasePath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    for (const token of tokens) {
      expect(token).toMatch(/^[0-9a-f]{40}$/);
      expect(everyCell.some((cell) => typeof cell === 'string' && cell.includes(token))).toBe(false);
      for (const bytes of files) expect(bytes.includes(token)).toBe(false);
    }
  });

  it('are compared in constant time, and the stored digest is no token', async () => {
    const before = crypto.timingSafeEqualCalls;
    expect(findAccountByToken(server.db, server.tokens.demo)).toBeDefined();
    expect(crypto.timingSafeEqualCalls).toBeGreaterThan(before);
    const answer = await fetch(`${server.url}/contacts`, { headers: { Authorization: `Bearer ${sha256(server.tokens.demo)}` } });
    expect(answer.status).toBe(401);
    // One character off is an unknown token, like any other.
    const last = server.tokens.demo.at(-1) === '0' ? '1' : '0';
    expect(findAccountByToken(server.db, `${server.tokens.demo.slice(0, -1)}${last}`)).toBeUndefined();
  });
});

/** What an answer must never show: SQL, a stack frame, a source or system path, SQLite's own words. */
const LEAKS = [/\bSELECT\b|\bINSERT\b|\bUPDATE\b.*\bSET\b|\bFROM\b\s+\w+/i, /\n\s+at\s/, /\bat\s+\S+\s+\(/, /\.(ts|js|cjs|mjs):\d+/, /node_modules/, /\/work\/|\/home\/|\/tmp\//, /sqlite/i, /api_tokens/];

function expectNoLeak(text: string, what: string) {
  for (const pattern of LEAKS) expect(text, `${what} shows ${pattern}`).not.toMatch(pattern);
}

describe('error answers', () => {
  it('hide a database failure whose message holds SQL and a path behind a plain 500 envelope (the log keeps it)', async () => {
    const writer = new Database(server.databasePath);
    const secretMessage = `SELECT token_hash FROM api_tokens -- failed in ${server.dir}/server/store/notes.ts:42`;
    writer.exec(`CREATE TRIGGER leak_on_insert BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, '${secretMessage}'); END;`);
    const post = () =>
      fetch(`${server.url}/notes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.tokens.demo}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ contact_id: contactId, body: 'A note the database refuses.' }),
      });
    const contact = await fetch(`${server.url}/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokens.demo}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ first_name: 'Failing', is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }),
    });
    const contactId = ((await contact.json()) as { data: { id: number } }).data.id;
    try {
      const failed = await post();
      const text = await failed.text();
      expect(failed.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { message: 'The server could not complete the request', error_code: 40 } });
      expectNoLeak(text, 'the 500 body');
      expectNoLeak([...failed.headers].map(([k, v]) => `${k}: ${v}`).join('\n'), 'the 500 headers');
      // The operator still learns what happened.
      expect(logged.some((line) => line.includes(secretMessage))).toBe(true);
    } finally {
      writer.exec('DROP TRIGGER leak_on_insert');
      writer.close();
    }
    // Without the fault the same request succeeds: the 500 was the server's fault alone.
    expect((await post()).status).toBe(201);
  });

  it('to malformed requests are client errors in the envelope, with nothing internal in them', async () => {
    const base = server.url.replace(/\/api$/, '');
    const auth = { Authorization: `Bearer ${server.tokens.demo}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    const requests: [string, string, Record<string, string>, string?][] = [
      ['POST', '/api/contacts', json, '{"first_name": "unterminated'],
      ['POST', '/api/contacts', json, '{"first_name": {"$gt": ""}, "is_birthdate_known": "yes\' OR 1=1 --"}'],
      ['PUT', '/api/contacts/1', { ...auth, 'Content-Type': 'application/xml' }, '<contact/>'],
      ['GET', '/api/contacts?sort=name;DELETE FROM contacts', auth],
      ['GET', '/api/contacts/%E0%A4%A', auth],
      ['GET', '/api/contacts/1 OR 1=1', auth],
      ['GET', '/api/contacts/99999999999999999999999', auth],
      ['GET', '/storage/..%2f..%2f..%2fetc%2fpasswd', {}],
      ['GET', '/storage/%E0%A4%A', {}],
      ['POST', '/api/photos', { ...auth, 'Content-Type': 'multipart/form-data; boundary=x' }, '--x\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\n\r\nabc'],
      ['DELETE', '/api/tags/0', auth],
    ];
    for (const [method, path, headers, body] of requests) {
      const answer = await fetch(`${base}${path}`, { method, headers, body });
      const text = await answer.text();
      const what = `${method} ${path} → ${answer.status} ${text.slice(0, 200)}`;
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(answer.status, what).toBeLessThan(500);
      const parsed = JSON.parse(text) as { error: { message: unknown; error_code: number } };
      expect(Object.keys(parsed), what).toEqual(['error']);
      expect(typeof parsed.error.error_code, what).toBe('number');
      expectNoLeak(text, what);
    }
  });
});
