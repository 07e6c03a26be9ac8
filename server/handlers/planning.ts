// Handlers of this group's operations, keyed by operationId (see handlers/index.ts):
// reminders (handlers/reminders.ts), tasks (handlers/tasks.ts) and journal entries (handlers/journal.ts).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import * as journal from './journal.js';
import * as reminders from './reminders.js';
import * as tasks from './tasks.js';

export const planningHandlers = {
  listReminders: reminders.listRemindersHandler,
  listContactReminders: reminders.listContactRemindersHandler,
  getReminder: reminders.getReminderHandler,
  createReminder: reminders.createReminderHandler,
  updateReminder: reminders.updateReminderHandler,
  deleteReminder: reminders.deleteReminderHandler,
  listTasks: tasks.listTasksHandler,
  listContactTasks: tasks.listContactTasksHandler,
  getTask: tasks.getTaskHandler,
  createTask: tasks.createTaskHandler,
  updateTask: tasks.updateTaskHandler,
  deleteTask: tasks.deleteTaskHandler,
  listJournalEntries: journal.listJournalEntriesHandler,
  getJournalEntry: journal.getJournalEntryHandler,
  createJournalEntry: journal.createJournalEntryHandler,
  updateJournalEntry: journal.updateJournalEntryHandler,
  deleteJournalEntry: journal.deleteJournalEntryHandler,
} satisfies Partial<Handlers<Context>>;
