import type { Conversation, Message } from '../../generated/client/types.gen.js';
import type { ContactFieldTypeRow } from '../store/contactFieldTypes.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import {
  getContactFieldTypesByIds,
  messagesForConversations,
  type ConversationRow,
  type MessageRow,
} from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { presentContactFieldType } from './contactFieldTypes.js';
import { contactObject, presentContactSummary } from './contactSummary.js';
import { apiUrl, bool, type PresentContext } from './context.js';
import { dateToTimestamp, toApiTimestamp } from './dates.js';

export type ConversationObject = Conversation;
export type MessageObject = Message;

/** Presents a message; `contact` is the row of its (the conversation's) contact. */
export function presentMessage(row: MessageRow, contact: ContactRow, ctx: PresentContext): MessageObject {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'message',
    content: row.content,
    written_at: dateToTimestamp(row.written_at),
    written_by_me: bool(row.written_by_me),
    account: { id: row.account_id },
    contact: presentContactSummary(contact, ctx),
    conversation: { id: row.conversation_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/** Presents a conversation with its messages, its channel and its contact. */
export function presentConversation(
  row: ConversationRow,
  contact: ContactRow,
  channel: ContactFieldTypeRow,
  messages: readonly MessageRow[],
  ctx: PresentContext,
): ConversationObject {
  const fields = {
    happened_at: dateToTimestamp(row.happened_at),
    messages: messages.map((m) => presentMessage(m, contact, ctx)),
    contact_field_type: presentContactFieldType(channel),
    url: apiUrl(ctx, `conversations/${row.id}`),
  };
  return contactObject(row, 'conversation', fields, contact, ctx);
}

/** Presents a page of conversations, loading contacts, channels and messages with one query each. */
export function presentConversations(
  db: Db,
  accountId: number,
  rows: readonly ConversationRow[],
  ctx: PresentContext,
): ConversationObject[] {
  const contacts = getContactsByIds(db, accountId, rows.map((c) => c.contact_id));
  const channels = getContactFieldTypesByIds(db, accountId, rows.map((c) => c.contact_field_type_id));
  const messages = messagesForConversations(db, accountId, rows.map((c) => c.id));
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    const channel = channels.get(row.contact_field_type_id);
    if (!contact || !channel) throw new Error(`conversation ${row.id} refers to rows outside account ${accountId}`);
    return presentConversation(row, contact, channel, messages.get(row.id) ?? [], ctx);
  });
}
