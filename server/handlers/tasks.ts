// Tasks: CRUD over the account's tasks (about a contact or about no one), and the tasks about one contact.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentTasks } from '../present/tasks.js';
import { createTask, deleteTask, getTask, listTasks, listTasksForContact, updateTask, type TaskRow } from '../store/tasks.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, toBool, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOneTask = (context: Context, row: TaskRow) => presentTasks(context.db, context.caller.accountId, [row], context)[0]!;

const listTasksHandler: Handler<'listTasks'> = ({ context, query }) => {
  const request = pageRequest('listTasks', query);
  const page = listTasks(context.db, context.caller.accountId, request.options);
  const data = presentTasks(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/tasks')) };
};

const listContactTasksHandler: Handler<'listContactTasks'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactTasks', query);
  const page = listTasksForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentTasks(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/tasks`)) };
};

const getTaskHandler: Handler<'getTask'> = ({ context, path }) => {
  const row = getTask(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneTask(context, row) } };
};

/** A new task is never completed: `completed` and `completed_at` are ignored, as in Monica. Answers 200. */
const createTaskHandler: Handler<'createTask'> = ({ context, body }) => {
  const contactId = toInt(body.contact_id);
  if (contactId !== null) findContactOr404(context, contactId);
  const input = { contact_id: contactId, title: trimInput(body.title), description: cleanText(body.description) };
  const row = createTask(context.db, context.caller.accountId, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneTask(context, row) } };
};

const updateTaskHandler: Handler<'updateTask'> = ({ context, path, body }) => {
  const existing = getTask(context.db, context.caller.accountId, path.id);
  if (!existing) throw notFound();
  // A task keeps its contact: a contact_id other than its own answers 404; absent or null leaves it.
  const contactId = toInt(body.contact_id);
  if (contactId !== null && contactId !== existing.contact_id) throw notFound();
  const input = { title: trimInput(body.title), description: cleanText(body.description), completed: toBool(body.completed) === true };
  const row = updateTask(context.db, context.caller.accountId, path.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneTask(context, row) } };
};

const deleteTaskHandler: Handler<'deleteTask'> = ({ context, path }) => {
  if (!deleteTask(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const tasksHandlers = {
  listTasks: listTasksHandler,
  listContactTasks: listContactTasksHandler,
  getTask: getTaskHandler,
  createTask: createTaskHandler,
  updateTask: updateTaskHandler,
  deleteTask: deleteTaskHandler,
} satisfies Partial<Handlers<Context>>;
