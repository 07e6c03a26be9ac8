// A reference server for the debts, gifts, photos, documents and other tests that reach the database: like startTestServer, but with its
// database in a file and its own files directory, so that a test can look at the stored files and reach the
// database for what the API cannot do (archiving a contact, choosing the user's currency).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { createDebt, createDocument, createGift, createPhoto } from '../../generated/client/sdk.gen.js';
import type { Debt, DebtWrite, Document, Gift, GiftWrite, Photo } from '../../generated/client/types.gen.js';
import { findAccountByToken } from '../../server/store/accounts.js';
import { openDatabase, type Db } from '../../server/store/db.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { clientFor } from './client.js';
import { createTestClock, type TestClock } from './clock.js';
import { ok } from './expect.js';

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

/** A 1x1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
/** The smallest GIF. */
export const GIF = Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n% test document\n%%EOF\n', 'utf8');

export function file(bytes: Uint8Array | string, name: string, type: string): File {
  return new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
}

export async function newDebt(client: Client, contactId: number, overrides: Partial<DebtWrite> = {}): Promise<Debt> {
  const body: DebtWrite = { contact_id: contactId, in_debt: 'yes', status: 'inprogress', amount: 10, ...overrides };
  return ok(await createDebt({ client, body }), 201).data;
}

export async function newGift(client: Client, contactId: number, overrides: Partial<GiftWrite> = {}): Promise<Gift> {
  const body: GiftWrite = { contact_id: contactId, name: 'A book', status: 'idea', ...overrides };
  return ok(await createGift({ client, body }), 201).data;
}

export async function newPhoto(client: Client, contactId: number, photo: File = file(PNG, 'pixel.png', 'image/png')): Promise<Photo> {
  return ok(await createPhoto({ client, body: { contact_id: contactId, photo } }), 201).data;
}

export async function newDocument(client: Client, contactId: number, document: File = file(PDF, 'report.pdf', 'application/pdf')): Promise<Document> {
  return ok(await createDocument({ client, body: { contact_id: contactId, document } }), 201).data;
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
