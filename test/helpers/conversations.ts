// Helpers for the calls and conversations tests: a server whose database the test can also read (to check rows
// the API never shows, and to archive a contact, which the API cannot do), and builders for calls and conversations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { addConversationMessage, createCall, createConversation, getContact } from '../../generated/client/sdk.gen.js';
import type { Call, CallCreate, Contact, Conversation, MessageWrite } from '../../generated/client/types.gen.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { clientFor } from './client.js';
import { createTestClock, type TestClock } from './clock.js';
import { ok } from './expect.js';
import { contactBody, newContact } from './factories.js';

export interface ServerWithDb {
  url: string;
  clock: TestClock;
  demo: Client;
  other: Client;
  /** A second connection to the server's database file. */
  db: Database.Database;
  running: RunningServer;
  close(): Promise<void>;
}

/** A reference server on port 0 backed by a temporary database file that the test can open too. */
export async function startServerWithDb(startAt = '2024-06-15T10:00:00Z'): Promise<ServerWithDb> {
  const dir = mkdtempSync(join(tmpdir(), 'monica-conversations-'));
  const clock = createTestClock(startAt);
  const running = await startServer({
    port: 0,
    databasePath: join(dir, 'monica.sqlite'),
    demoData: false,
    rateLimit: 1_000_000,
    now: clock.now,
    log: () => {},
  });
  const db = new Database(join(dir, 'monica.sqlite'));
  db.pragma('busy_timeout = 5000');
  return {
    url: running.url,
    clock,
    demo: clientFor(running.url, running.tokens.demo),
    other: clientFor(running.url, running.tokens.other!),
    db,
    running,
    async close() {
      db.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Archives a contact (the API has no operation for it). */
export function archiveContact(db: Database.Database, contactId: number): void {
  const result = db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(contactId);
  expect(result.changes).toBe(1);
}

/** Counts rows of a table matching a simple `column = value` filter. */
export function countRows(db: Database.Database, table: 'calls' | 'call_emotion' | 'conversations' | 'messages', column: string, value: number): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(value) as { n: number }).n;
}

export async function newCall(client: Client, contactId: number, overrides: Partial<CallCreate> = {}): Promise<Call> {
  return ok(await createCall({ client, body: { contact_id: contactId, called_at: '2024-01-10', ...overrides } }), 201).data;
}

/**
 * The id of one contact field type of the account, found through the API: a new contact with an e-mail address
 * gets an e-mail contact field, whose type is one of the account's.
 */
export async function channelOf(client: Client): Promise<number> {
  const contact = await newContact(client, { email: `${contactBody().first_name.toLowerCase()}@example.com` });
  const full = ok(await getContact({ client, path: { id: contact.id }, query: { with: 'contactfields' } })).data as Contact;
  const type = full.contactFields?.[0]?.contact_field_type;
  if (!type) throw new Error('a contact with an e-mail address has no contact field');
  return type.id;
}

export async function newConversation(client: Client, contactId: number, channelId: number, happenedAt = '2024-02-01'): Promise<Conversation> {
  return ok(
    await createConversation({ client, body: { contact_id: contactId, contact_field_type_id: channelId, happened_at: happenedAt } }),
    201,
  ).data;
}

export async function addMessage(client: Client, conversationId: number, body: Partial<MessageWrite> = {}): Promise<Conversation> {
  return ok(
    await addConversationMessage({
      client,
      path: { id: conversationId },
      body: { written_at: '2024-02-01', written_by_me: true, content: 'Hello there', ...body },
    }),
  ).data;
}
