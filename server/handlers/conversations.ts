// Conversations with contacts on one channel, with their messages: the account's list, one contact's list, and the
// writes.
import type { MessageWrite } from '../../generated/client/types.gen.js';
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
  type ConversationRow,
  type MessageInput,
} from '../store/conversations.js';
import { checkDay, refuseArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { toBool, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOneConversation = (context: Context, row: ConversationRow) =>
  presentConversations(context.db, context.caller.accountId, [row], context)[0]!;

function findConversationOr404(context: Context, id: number): ConversationRow {
  const row = getConversation(context.db, context.caller.accountId, id);
  if (!row) throw notFound();
  return row;
}

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
  return { data: presentOneConversation(context, findConversationOr404(context, id)) };
}

const listConversationsHandler: Handler<'listConversations'> = ({ context, query }) => {
  const request = pageRequest('listConversations', query);
  const page = listConversations(context.db, context.caller.accountId, request.options);
  const data = presentConversations(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/conversations')) };
};

const listContactConversationsHandler: Handler<'listContactConversations'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactConversations', query);
  const page = listConversationsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentConversations(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/conversations`)) };
};

const getConversationHandler: Handler<'getConversation'> = ({ context, path }) => {
  return { status: 200, body: { data: presentOneConversation(context, findConversationOr404(context, path.id)) } };
};

const createConversationHandler: Handler<'createConversation'> = ({ context, body }) => {
  const happenedAt = checkDay('happened at', body.happened_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const channel = channelOr404(context, body.contact_field_type_id);
  const row = createConversation(
    context.db,
    context.caller.accountId,
    contact.id,
    { happened_at: happenedAt, contact_field_type_id: channel },
    nowOf(context),
  );
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneConversation(context, row) } };
};

const updateConversationHandler: Handler<'updateConversation'> = ({ context, path, body }) => {
  const happenedAt = checkDay('happened at', body.happened_at);
  const existing = findConversationOr404(context, path.id);
  const channel = channelOr404(context, body.contact_field_type_id);
  refuseArchived(findContactOr404(context, existing.contact_id));
  const row = updateConversation(
    context.db,
    context.caller.accountId,
    path.id,
    { happened_at: happenedAt, contact_field_type_id: channel },
    nowOf(context),
  );
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneConversation(context, row) } };
};

const deleteConversationHandler: Handler<'deleteConversation'> = ({ context, path }) => {
  if (!deleteConversation(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

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
  listConversations: listConversationsHandler,
  listContactConversations: listContactConversationsHandler,
  getConversation: getConversationHandler,
  createConversation: createConversationHandler,
  updateConversation: updateConversationHandler,
  deleteConversation: deleteConversationHandler,
  addConversationMessage: addConversationMessageHandler,
  updateConversationMessage: updateConversationMessageHandler,
  deleteConversationMessage: deleteConversationMessageHandler,
} satisfies Partial<Handlers<Context>>;
