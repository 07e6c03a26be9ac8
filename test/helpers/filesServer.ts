// A reference server for the tests that reach the database or the stored files: like startTestServer, but with its
// database in a file and its own files directory, so that a test can look at the stored files and reach the
// database for what the API cannot do (archiving a contact, choosing the user's currency, counting rows).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, vi } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { findAccountByToken } from '../../server/store/accounts.js';
import { openDatabase, type Db } from '../../server/store/db.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { clientFor } from './client.js';
import { createTestClock, type TestClock } from './clock.js';

export interface FilesTestServer {
  url: string;
  clock: TestClock;
  demo: Client;
  other: Client;
  tokens: { demo: string; other: string };
  accounts: { demo: { accountId: number; userId: number }; other: { accountId: number; userId: number } };
  /** Where the server stores uploads. */
  filesDir: string;
  /** A second connection to the server's database. */
  db: Db;
  running: RunningServer;
  close(): Promise<void>;
}

export async function startFilesServer(): Promise<FilesTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'monica-money-files-'));
  const filesDir = join(dir, 'files');
  const clock = createTestClock();
  const running = await startServer({
    port: 0,
    databasePath: join(dir, 'monica.sqlite'),
    filesDir,
    demoData: false,
    rateLimit: 1_000_000,
    now: clock.now,
    log: () => {},
  });
  const db = openDatabase(join(dir, 'monica.sqlite'));
  const other = running.tokens.other!;
  const accountOf = (token: string) => {
    const auth = findAccountByToken(db, token)!;
    return { accountId: auth.accountId, userId: auth.userId };
  };
  return {
    url: running.url,
    clock,
    demo: clientFor(running.url, running.tokens.demo),
    other: clientFor(running.url, other),
    tokens: { demo: running.tokens.demo, other },
    accounts: { demo: accountOf(running.tokens.demo), other: accountOf(other) },
    filesDir,
    db,
    running,
    async close() {
      db.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A files server for the tests of one file, started at its top level and stopped (its files removed) after them. */
export async function filesServerForFile(): Promise<FilesTestServer> {
  vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
  const server = startFilesServer();
  afterAll(async () => (await server).close());
  return server;
}

/** Every stored file, as paths relative to the files directory (`photos/...`, `documents/...`). */
export function storedFiles(filesDir: string): string[] {
  const out: string[] = [];
  for (const folder of ['photos', 'documents']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(filesDir, folder));
    } catch {
      names = [];
    }
    out.push(...names.map((n) => `${folder}/${n}`));
  }
  return out.sort();
}

/** Makes a contact archived (the API has no operation for it). */
export function archiveContact(db: Db, contactId: number): void {
  expect(db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(contactId).changes).toBe(1);
}

/** Sets a user's preferred currency by ISO code (the API has no operation for it); returns its symbol. */
export function setUserCurrency(db: Db, userId: number, iso: string | null): string | null {
  if (iso === null) {
    db.prepare('UPDATE users SET currency_id = NULL WHERE id = ?').run(userId);
    return null;
  }
  const currency = db.prepare('SELECT id, symbol FROM currencies WHERE iso = ?').get(iso) as { id: number; symbol: string } | undefined;
  if (!currency) throw new Error(`no currency ${iso}`);
  db.prepare('UPDATE users SET currency_id = ? WHERE id = ?').run(currency.id, userId);
  return currency.symbol;
}

/** Counts rows of a table matching a simple `column = value` filter. */
export function countRows(db: Db, table: 'calls' | 'call_emotion' | 'conversations' | 'messages', column: string, value: number): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(value) as { n: number }).n;
}
