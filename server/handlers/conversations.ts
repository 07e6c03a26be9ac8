// Conversations with contacts on one channel, with their messages: the account's list, one contact's list, and the
// writes.
import type { ConversationCreate, ConversationUpdate, MessageWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentConversations } from '../present/conversations.js';
import { presentDeleted } from '../present/deleted.js';
import { getContactFieldType } from '../store/contactFieldTypes.js';
import {
  addMessage,
  createConversation,
  deleteConversation,
  deleteMessage,
  getConversation,
  getMessage,
  listConversations,
  listConversationsForContact,
  updateConversation,
  updateMessage,
  type ConversationInput,
  type MessageInput,
} from '../store/conversations.js';
import { checkDay, refuseArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import {
  contactListHandler,
  createHandler,
  deleteHandler,
  findOr404,
  forContact,
  getHandler,
  listHandler,
  presentInBatches,
  updateHandler,
  type ForContact,
} from './crud.js';
import { toBool, toInt } from './input.js';
import { nowOf, type Handler } from './shared.js';

const conversations = presentInBatches(presentConversations);

const findConversationOr404 = (context: Context, id: number) => findOr404(context, getConversation, id);

/** The channel named by a body: a contact field type of the account, else 404. */
function channelOr404(context: Context, value: unknown): number {
  const id = toInt(value) as number;
  if (!getContactFieldType(context.db, context.caller.accountId, id)) throw notFound();
  return id;
}

function messageInput(body: MessageWrite): MessageInput {
  return { written_at: checkDay('written at', body.written_at), written_by_me: toBool(body.written_by_me) === true, content: body.content };
}

/** The conversation as it is now, messages included (what every message write answers). */
function conversationBody(context: Context, id: number) {
  return { data: conversations.row(findConversationOr404(context, id), context) };
}

/** The day is checked before any look-up. */
function newConversationInput(body: ConversationCreate, context: Context): ForContact<ConversationInput> {
  const happenedAt = checkDay('happened at', body.happened_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const channel = channelOr404(context, body.contact_field_type_id);
  return { contactId: contact.id, input: { happened_at: happenedAt, contact_field_type_id: channel } };
}

/** A conversation keeps its contact, which may not be archived. */
function conversationUpdateInput(body: ConversationUpdate, context: Context, id: number): ConversationInput {
  const happenedAt = checkDay('happened at', body.happened_at);
  const existing = findConversationOr404(context, id);
  const channel = channelOr404(context, body.contact_field_type_id);
  refuseArchived(findContactOr404(context, existing.contact_id));
  return { happened_at: happenedAt, contact_field_type_id: channel };
}

const addConversationMessageHandler: Handler<'addConversationMessage'> = ({ context, path, body }) => {
  const input = messageInput(body);
  findConversationOr404(context, path.id);
  if (!addMessage(context.db, context.caller.accountId, path.id, input, nowOf(context))) throw notFound();
  return { status: 200, body: conversationBody(context, path.id) };
};

const updateConversationMessageHandler: Handler<'updateConversationMessage'> = ({ context, path, body }) => {
  const input = messageInput(body);
  const conversation = findConversationOr404(context, path.id);
  if (!getMessage(context.db, context.caller.accountId, path.id, path.messageId)) throw notFound();
  refuseArchived(findContactOr404(context, conversation.contact_id));
  const updated = updateMessage(context.db, context.caller.accountId, path.id, path.messageId, input, nowOf(context));
  if (!updated) throw notFound();
  return { status: 200, body: conversationBody(context, path.id) };
};

const deleteConversationMessageHandler: Handler<'deleteConversationMessage'> = ({ context, path }) => {
  findConversationOr404(context, path.id);
  if (!deleteMessage(context.db, context.caller.accountId, path.id, path.messageId)) throw notFound();
  return { status: 200, body: presentDeleted(path.messageId) };
};

export const conversationsHandlers = {
  listConversations: listHandler('listConversations', listConversations, conversations.rows),
  listContactConversations: contactListHandler('listContactConversations', listConversationsForContact, conversations.rows),
  getConversation: getHandler('getConversation', getConversation, conversations.row),
  createConversation: createHandler('createConversation', newConversationInput, forContact(createConversation), conversations.row),
  updateConversation: updateHandler('updateConversation', conversationUpdateInput, updateConversation, conversations.row),
  deleteConversation: deleteHandler('deleteConversation', deleteConversation),
  addConversationMessage: addConversationMessageHandler,
  updateConversationMessage: updateConversationMessageHandler,
  deleteConversationMessage: deleteConversationMessageHandler,
} satisfies Partial<Handlers<Context>>;
