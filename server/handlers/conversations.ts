// Calls (with their emotions) and conversations (with their messages): the account's lists, one contact's lists,
// and the writes. Handlers of this group's operations, keyed by operationId (see handlers/index.ts).
import type { CallCreate, CallUpdate, MessageWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentCalls } from '../present/call.js';
import { presentConversations } from '../present/conversation.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createCall,
  deleteCall,
  getCall,
  listCalls,
  listCallsForContact,
  updateCall,
  yearlyCallStatistics,
  type CallInput,
  type CallRow,
} from '../store/calls.js';
import type { ContactRow } from '../store/contacts.js';
import { getContactFieldType } from '../store/contactFields.js';
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
import { getEmotionsByIds } from '../store/emotions.js';
import { findContactOr404 } from './contacts.js';
import { isCalendarDate, toBool, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const CALL_SORTS = ['created_at', 'updated_at', 'called_at'] as const;
const CONVERSATION_SORTS = ['created_at', 'updated_at'] as const;

/** What Monica answers (422, code 32) for a write that touches an archived contact. */
export const ARCHIVED_CONTACT_MESSAGE = 'The contact is archived: it cannot be changed until it is unarchived.';

function refuseArchived(contact: ContactRow): void {
  if (!contact.is_active) throw validationFailed([ARCHIVED_CONTACT_MESSAGE]);
}

/** Laravel's `date` rule on a day field, checked before any id is looked up (as Monica validates first). */
function checkDay(label: string, value: string): void {
  if (!isCalendarDate(value)) throw validationFailed([`The ${label} is not a valid date.`]);
}

// ---------------------------------------------------------------------------------------------------------------
// Calls

/** The emotion ids of a body, each once and in order; an id that names no emotion answers 404 (nothing written). */
function emotionIdsOr404(context: Context, emotions: CallCreate['emotions']): number[] {
  const ids = [...new Set((emotions ?? []).map((e) => toInt(e) as number))];
  if (ids.length > 0 && getEmotionsByIds(context.db, ids).size !== ids.length) throw notFound();
  return ids;
}

function callInput(context: Context, body: CallCreate | CallUpdate): CallInput {
  return {
    called_at: body.called_at,
    content: body.content ?? null,
    contact_called: toBool(body.contact_called) === true,
    emotions: emotionIdsOr404(context, body.emotions),
  };
}

const presentOneCall = (context: Context, row: CallRow) => presentCalls(context.db, context.caller.accountId, [row], context)[0]!;

/** Monica's `meta.statistics`: calls per year of the whole account, `[]` (not `{}`) when there are none. */
function callStatistics(context: Context): Record<string, number> | never[] {
  const stats = yearlyCallStatistics(context.db, context.caller.accountId);
  return Object.keys(stats).length > 0 ? stats : [];
}

export const listCallsHandler: Handler<'listCalls'> = ({ context, query }) => {
  const request = pageRequest(query, CALL_SORTS);
  const page = listCalls(context.db, context.caller.accountId, request.options);
  const data = presentCalls(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, '/calls'));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: callStatistics(context) } } };
};

export const listContactCallsHandler: Handler<'listContactCalls'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest(query, CALL_SORTS);
  const page = listCallsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentCalls(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/calls`));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: callStatistics(context) } } };
};

export const getCallHandler: Handler<'getCall'> = ({ context, path }) => {
  const row = getCall(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneCall(context, row) } };
};

export const createCallHandler: Handler<'createCall'> = ({ context, body }) => {
  checkDay('called at', body.called_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const input = callInput(context, body);
  refuseArchived(contact);
  const row = createCall(context.db, context.caller.accountId, contact.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneCall(context, row) } };
};

export const updateCallHandler: Handler<'updateCall'> = ({ context, path, body }) => {
  checkDay('called at', body.called_at);
  const existing = getCall(context.db, context.caller.accountId, path.id);
  if (!existing) throw notFound();
  const input = callInput(context, body);
  refuseArchived(findContactOr404(context, existing.contact_id));
  const row = updateCall(context.db, context.caller.accountId, path.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneCall(context, row) } };
};

export const deleteCallHandler: Handler<'deleteCall'> = ({ context, path }) => {
  if (!deleteCall(context.db, context.caller.accountId, path.id, nowOf(context))) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

// ---------------------------------------------------------------------------------------------------------------
// Conversations and messages

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
  checkDay('written at', body.written_at);
  return { written_at: body.written_at, written_by_me: toBool(body.written_by_me) === true, content: body.content };
}

/** The conversation as it is now, messages included (what every message write answers). */
function conversationBody(context: Context, id: number) {
  return { data: presentOneConversation(context, findConversationOr404(context, id)) };
}

export const listConversationsHandler: Handler<'listConversations'> = ({ context, query }) => {
  const request = pageRequest(query, CONVERSATION_SORTS);
  const page = listConversations(context.db, context.caller.accountId, request.options);
  const data = presentConversations(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/conversations')) };
};

export const listContactConversationsHandler: Handler<'listContactConversations'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest(query, CONVERSATION_SORTS);
  const page = listConversationsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentConversations(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/conversations`)) };
};

export const getConversationHandler: Handler<'getConversation'> = ({ context, path }) => {
  return { status: 200, body: { data: presentOneConversation(context, findConversationOr404(context, path.id)) } };
};

export const createConversationHandler: Handler<'createConversation'> = ({ context, body }) => {
  checkDay('happened at', body.happened_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const channel = channelOr404(context, body.contact_field_type_id);
  const row = createConversation(
    context.db,
    context.caller.accountId,
    contact.id,
    { happened_at: body.happened_at, contact_field_type_id: channel },
    nowOf(context),
  );
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneConversation(context, row) } };
};

export const updateConversationHandler: Handler<'updateConversation'> = ({ context, path, body }) => {
  checkDay('happened at', body.happened_at);
  const existing = findConversationOr404(context, path.id);
  const channel = channelOr404(context, body.contact_field_type_id);
  refuseArchived(findContactOr404(context, existing.contact_id));
  const row = updateConversation(
    context.db,
    context.caller.accountId,
    path.id,
    { happened_at: body.happened_at, contact_field_type_id: channel },
    nowOf(context),
  );
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneConversation(context, row) } };
};

export const deleteConversationHandler: Handler<'deleteConversation'> = ({ context, path }) => {
  if (!deleteConversation(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const addConversationMessageHandler: Handler<'addConversationMessage'> = ({ context, path, body }) => {
  const input = messageInput(body);
  findConversationOr404(context, path.id);
  if (!addMessage(context.db, context.caller.accountId, path.id, input, nowOf(context))) throw notFound();
  return { status: 200, body: conversationBody(context, path.id) };
};

export const updateConversationMessageHandler: Handler<'updateConversationMessage'> = ({ context, path, body }) => {
  const input = messageInput(body);
  const conversation = findConversationOr404(context, path.id);
  if (!getMessage(context.db, context.caller.accountId, path.id, path.messageId)) throw notFound();
  refuseArchived(findContactOr404(context, conversation.contact_id));
  const updated = updateMessage(context.db, context.caller.accountId, path.id, path.messageId, input, nowOf(context));
  if (!updated) throw notFound();
  return { status: 200, body: conversationBody(context, path.id) };
};

export const deleteConversationMessageHandler: Handler<'deleteConversationMessage'> = ({ context, path }) => {
  findConversationOr404(context, path.id);
  if (!deleteMessage(context.db, context.caller.accountId, path.id, path.messageId)) throw notFound();
  return { status: 200, body: presentDeleted(path.messageId) };
};

export const conversationHandlers = {
  listCalls: listCallsHandler,
  listContactCalls: listContactCallsHandler,
  getCall: getCallHandler,
  createCall: createCallHandler,
  updateCall: updateCallHandler,
  deleteCall: deleteCallHandler,
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
