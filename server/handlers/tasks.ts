// Tasks: CRUD over the account's tasks (about a contact or about no one), and the tasks about one contact.
import type { TaskCreate, TaskUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentTasks } from '../present/tasks.js';
import { createTask, deleteTask, getTask, listTasks, listTasksForContact, updateTask, type TaskCreateInput, type TaskUpdateInput } from '../store/tasks.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, createHandler, deleteHandler, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { cleanText, toBool, toInt, trimInput } from './input.js';

const tasks = presentInBatches(presentTasks);

/** A new task is never completed: `completed` and `completed_at` are ignored, as in Monica. */
function newTaskInput(body: TaskCreate, context: Context): TaskCreateInput {
  const contactId = toInt(body.contact_id);
  if (contactId !== null) findContactOr404(context, contactId);
  return { contact_id: contactId, title: trimInput(body.title), description: cleanText(body.description) };
}

/** A task keeps its contact: a contact_id other than its own answers 404; absent or null leaves it. */
function taskUpdateInput(body: TaskUpdate, context: Context, id: number): TaskUpdateInput {
  const existing = getTask(context.db, context.caller.accountId, id);
  if (!existing) throw notFound();
  const contactId = toInt(body.contact_id);
  if (contactId !== null && contactId !== existing.contact_id) throw notFound();
  return { title: trimInput(body.title), description: cleanText(body.description), completed: toBool(body.completed) === true };
}

export const tasksHandlers = {
  listTasks: listHandler('listTasks', listTasks, tasks.rows),
  listContactTasks: contactListHandler('listContactTasks', listTasksForContact, tasks.rows),
  getTask: getHandler('getTask', getTask, tasks.row),
  createTask: createHandler('createTask', newTaskInput, createTask, tasks.row),
  updateTask: updateHandler('updateTask', taskUpdateInput, updateTask, tasks.row),
  deleteTask: deleteHandler('deleteTask', deleteTask),
} satisfies Partial<Handlers<Context>>;
