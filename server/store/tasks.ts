/**
 * Tasks: to-dos of the user, each about one contact or about no one
 * (`contact_id` NULL). `completed_at` is stamped while a task is completed.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, contactInAccount, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

export interface TaskRow extends AccountRow {
  uuid: string | null;
  contact_id: number | null;
  title: string;
  description: string | null;
  completed: number;
  completed_at: string | null;
}

export interface TaskCreateInput {
  contact_id: number | null;
  title: string;
  description: string | null;
}

export interface TaskUpdateInput {
  title: string;
  description: string | null;
  completed: boolean;
}

const tasks = accountTable<TaskRow>('tasks');
export const { page: listTasks, pageOfContact: listTasksForContact, get: getTask, remove: deleteTask } = tasks;
const insertRow = tasks.inserter('uuid, contact_id, title, description, completed, completed_at');
const setRow = tasks.updater('title = ?, description = ?, completed = ?, completed_at = ?');
const complete = tasks.setter('completed = 1, completed_at = ?');

/**
 * Creates a task, never completed. Returns undefined when `contact_id` names
 * a contact outside the account.
 */
export function createTask(db: Db, accountId: number, input: TaskCreateInput, now: string, uuid: string = randomUUID()): TaskRow | undefined {
  if (input.contact_id !== null && !contactInAccount(db, accountId, input.contact_id)) return undefined;
  return getTask(db, accountId, insertRow(db, accountId, [uuid, input.contact_id, input.title, input.description, 0, null], now));
}

/**
 * Replaces a task's title and description and sets whether it is completed:
 * true stamps `completed_at` with `now` (even if it was already completed),
 * false clears it. The contact never changes. Returns undefined when the task
 * is not in the account.
 */
export function updateTask(db: Db, accountId: number, id: number, input: TaskUpdateInput, now: string): TaskRow | undefined {
  return setRow(db, accountId, id, [input.title, input.description, input.completed ? 1 : 0, input.completed ? now : null], now);
}

/**
 * Marks a task completed at a given moment (demo seeding writes past completions this way).
 * Returns false when the task is not in the account.
 */
export function completeTaskAt(db: Db, accountId: number, id: number, at: string): boolean {
  return complete(db, accountId, id, [at], at);
}
