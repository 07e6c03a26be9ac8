/**
 * Conversations with contacts on one channel (a contact field type of the account), and their messages.
 * A message always belongs to its conversation's contact and is deleted with the conversation.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, childrenOfAccount, type ContactOwnedRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

import { inserterOfContactAndType } from './contactFieldTypes.js';

/** Several contact field types of the account by id (the conversations' channels). */
export { getContactFieldTypesByIds } from './contactFieldTypes.js';

export interface ConversationRow extends ContactOwnedRow {
  contact_field_type_id: number;
  /** Calendar date `YYYY-MM-DD`. */
  happened_at: string;
}

export interface MessageRow extends ContactOwnedRow {
  conversation_id: number;
  /** Calendar date `YYYY-MM-DD`. */
  written_at: string;
  written_by_me: number;
  content: string;
}

export interface ConversationInput {
  happened_at: string;
  contact_field_type_id: number;
}

export interface MessageInput {
  written_at: string;
  written_by_me: boolean;
  content: string;
}

const conversations = accountTable<ConversationRow>('conversations');
/** `deleteConversation`: its messages go with it (foreign key cascade, in the same statement). */
export const {
  page: listConversations,
  pageOfContact: listConversationsForContact,
  get: getConversation,
  remove: deleteConversation,
} = conversations;

/** The messages of several conversations, in one query; each list in writing order (day, then id). */
export const messagesForConversations = childrenOfAccount<MessageRow>(
  `SELECT * FROM messages
    WHERE account_id = ? AND conversation_id IN (SELECT value FROM json_each(?))
    ORDER BY conversation_id, written_at, id`,
  (row) => [row.conversation_id, row],
);

export function getMessage(db: Db, accountId: number, conversationId: number, id: number): MessageRow | undefined {
  return stmt<MessageRow>(db, 'SELECT * FROM messages WHERE account_id = ? AND conversation_id = ? AND id = ?').get(
    accountId,
    conversationId,
    id,
  );
}

const insertConversation = inserterOfContactAndType('conversations', 'happened_at');

/**
 * Starts a conversation. Returns undefined when the contact or the contact field type is not in the account
 * (nothing is written then).
 */
export function createConversation(db: Db, accountId: number, contactId: number, input: ConversationInput, now: string): ConversationRow | undefined {
  const id = insertConversation(db, accountId, contactId, input.contact_field_type_id, input.happened_at, now);
  return id === undefined ? undefined : getConversation(db, accountId, id);
}

/**
 * Changes a conversation's day and channel; its contact and messages stay. Returns undefined when the
 * conversation or the contact field type is not in the account (nothing is written then).
 */
export function updateConversation(
  db: Db,
  accountId: number,
  id: number,
  input: ConversationInput,
  now: string,
): ConversationRow | undefined {
  const result = stmt(
    db,
    `UPDATE conversations SET happened_at = ?, contact_field_type_id = ?, updated_at = ?
      WHERE account_id = ? AND id = ?
        AND EXISTS (SELECT 1 FROM contact_field_types t WHERE t.account_id = ? AND t.id = ?)`,
  ).run(input.happened_at, input.contact_field_type_id, now, accountId, id, accountId, input.contact_field_type_id);
  return result.changes === 0 ? undefined : getConversation(db, accountId, id);
}

/**
 * Appends a message to a conversation, written by (or to) the conversation's contact. Returns the message, or
 * undefined when the conversation is not in the account.
 */
export function addMessage(
  db: Db,
  accountId: number,
  conversationId: number,
  input: MessageInput,
  now: string,
): MessageRow | undefined {
  const result = stmt(
    db,
    `INSERT INTO messages (account_id, uuid, conversation_id, contact_id, written_at, written_by_me, content, created_at, updated_at)
     SELECT account_id, ?, id, contact_id, ?, ?, ?, ?, ? FROM conversations WHERE account_id = ? AND id = ?`,
  ).run(randomUUID(), input.written_at, input.written_by_me ? 1 : 0, input.content, now, now, accountId, conversationId);
  return result.changes === 0 ? undefined : getMessage(db, accountId, conversationId, Number(result.lastInsertRowid));
}

/** Replaces a message's day, author and content; undefined when it is not a message of that conversation. */
export function updateMessage(
  db: Db,
  accountId: number,
  conversationId: number,
  id: number,
  input: MessageInput,
  now: string,
): MessageRow | undefined {
  const result = stmt(
    db,
    `UPDATE messages SET written_at = ?, written_by_me = ?, content = ?, updated_at = ?
      WHERE account_id = ? AND conversation_id = ? AND id = ?`,
  ).run(input.written_at, input.written_by_me ? 1 : 0, input.content, now, accountId, conversationId, id);
  return result.changes === 0 ? undefined : getMessage(db, accountId, conversationId, id);
}

export function deleteMessage(db: Db, accountId: number, conversationId: number, id: number): boolean {
  return (
    stmt(db, 'DELETE FROM messages WHERE account_id = ? AND conversation_id = ? AND id = ?').run(accountId, conversationId, id)
      .changes > 0
  );
}
