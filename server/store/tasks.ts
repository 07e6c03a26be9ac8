/**
 * Tasks: to-dos of the user, each about one contact or about no one
 * (`contact_id` NULL). `completed_at` is stamped while a task is completed.
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { accountTable, contactInAccount } from './accountTable.js';

export interface TaskRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number | null;
  title: string;
  description: string | null;
  completed: number;
  completed_at: string | null;
  created_at: string | null;
  updated_at: string | null;
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
export const listTasks = tasks.page;
export const listTasksForContact = tasks.pageOfContact;
export const getTask = tasks.get;
export const deleteTask = tasks.remove;

/**
 * Creates a task, never completed. Returns undefined when `contact_id` names
 * a contact outside the account.
 */
export function createTask(
  db: Db,
  accountId: number,
  input: TaskCreateInput,
  now: string,
  uuid: string = randomUUID(),
): TaskRow | undefined {
  if (input.contact_id !== null && !contactInAccount(db, accountId, input.contact_id)) return undefined;
  const result = stmt(
    db,
    `INSERT INTO tasks (account_id, uuid, contact_id, title, description, completed, completed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, NULL, ?, ?)`,
  ).run(accountId, uuid, input.contact_id, input.title, input.description, now, now);
  return getTask(db, accountId, Number(result.lastInsertRowid));
}

/**
 * Replaces a task's title and description and sets whether it is completed:
 * true stamps `completed_at` with `now` (even if it was already completed),
 * false clears it. The contact never changes. Returns undefined when the task
 * is not in the account.
 */
export function updateTask(db: Db, accountId: number, id: number, input: TaskUpdateInput, now: string): TaskRow | undefined {
  const result = stmt(
    db,
    `UPDATE tasks SET title = ?, description = ?, completed = ?, completed_at = ?, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(input.title, input.description, input.completed ? 1 : 0, input.completed ? now : null, now, accountId, id);
  return result.changes === 0 ? undefined : getTask(db, accountId, id);
}

/**
 * Marks a task completed at a given moment (demo seeding writes past completions this way).
 * Returns false when the task is not in the account.
 */
export function completeTaskAt(db: Db, accountId: number, id: number, at: string): boolean {
  return (
    stmt(db, 'UPDATE tasks SET completed = 1, completed_at = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(
      at,
      at,
      accountId,
      id,
    ).changes > 0
  );
}
