// Helpers for the calls and conversations tests: row counts the API never shows (on the database of
// startFilesServer in ./moneyAndFiles.ts), and builders for calls and conversations.
import type { Client } from '../../generated/client/client/index.js';
import { addConversationMessage, createCall, createConversation, getContact } from '../../generated/client/sdk.gen.js';
import type { Call, CallCreate, Contact, Conversation, MessageWrite } from '../../generated/client/types.gen.js';
import type { Db } from '../../server/store/db.js';
import { ok } from './expect.js';
import { contactBody, newContact } from './factories.js';

/** Counts rows of a table matching a simple `column = value` filter. */
export function countRows(db: Db, table: 'calls' | 'call_emotion' | 'conversations' | 'messages', column: string, value: number): number {
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
