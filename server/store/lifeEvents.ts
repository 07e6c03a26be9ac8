/**
 * Life events of contacts, each of one of the global life event types (migration 10). An event created with a
 * reminder keeps the reminder's id; the reminder goes when the event goes (trigger of migration 10).
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type ContactOwnedRow } from './accountTable.js';
import { idList, stmt, type Db } from './db.js';
import { createReminder } from './reminders.js';

export interface LifeEventRow extends ContactOwnedRow {
  life_event_type_id: number;
  reminder_id: number | null;
  name: string | null;
  note: string | null;
  /** `YYYY-MM-DD`. */
  happened_at: string;
  happened_at_month_unknown: number;
  happened_at_day_unknown: number;
}

/** A life event type with its category (global reference data). */
export interface LifeEventTypeRow {
  id: number;
  uuid: string;
  name: string;
  default_key: string;
  category_id: number;
  category_uuid: string;
  category_name: string;
  category_key: string;
}

/** What an update replaces. */
export interface LifeEventContent {
  life_event_type_id: number;
  /** `YYYY-MM-DD`. */
  happened_at: string;
  name: string | null;
  note: string | null;
}

export interface NewLifeEvent extends LifeEventContent {
  contact_id: number;
  has_reminder: boolean;
  happened_at_month_unknown: boolean;
  happened_at_day_unknown: boolean;
}

const lifeEvents = accountTable<LifeEventRow>('life_events');
/** `deleteLifeEvent` deletes the reminder the event added too. */
export const { page: listLifeEvents, get: getLifeEvent, remove: deleteLifeEvent } = lifeEvents;
const insertRow = lifeEvents.inserter(
  'uuid, contact_id, life_event_type_id, reminder_id, name, note, happened_at, happened_at_month_unknown, happened_at_day_unknown',
);
const setRow = lifeEvents.updater('life_event_type_id = ?, happened_at = ?, name = ?, note = ?');

/**
 * Creates a life event; with `has_reminder`, also a yearly reminder about the contact on the event's day, named after
 * the event's type (as Monica does). The caller has checked the contact and the type.
 */
export function createLifeEvent(db: Db, accountId: number, input: NewLifeEvent, now: string, uuid: string = randomUUID()): LifeEventRow {
  return db.transaction(() => {
    let reminderId: number | null = null;
    if (input.has_reminder) {
      const type = getLifeEventTypesByIds(db, [input.life_event_type_id]).get(input.life_event_type_id);
      const reminder = createReminder(
        db,
        accountId,
        {
          contact_id: input.contact_id,
          title: type?.name ?? 'Life event',
          description: null,
          initial_date: input.happened_at,
          frequency_type: 'year',
          frequency_number: 1,
          delible: true,
        },
        now,
      );
      reminderId = reminder?.id ?? null;
    }
    const unknown = [input.happened_at_month_unknown ? 1 : 0, input.happened_at_day_unknown ? 1 : 0];
    const values = [uuid, input.contact_id, input.life_event_type_id, reminderId, input.name, input.note, input.happened_at, ...unknown];
    return getLifeEvent(db, accountId, insertRow(db, accountId, values, now))!;
  })();
}

/** Replaces the event's type, day, name and note; it keeps its contact and its reminder. */
export function updateLifeEvent(db: Db, accountId: number, id: number, input: LifeEventContent, now: string): LifeEventRow | undefined {
  return setRow(db, accountId, id, [input.life_event_type_id, input.happened_at, input.name, input.note], now);
}

/** The life event types with these ids, with their categories; an unknown id is absent from the map. */
export function getLifeEventTypesByIds(db: Db, ids: Iterable<number>): Map<number, LifeEventTypeRow> {
  const rows = stmt<LifeEventTypeRow>(
    db,
    `SELECT t.id, t.uuid, t.name, t.default_key, c.id AS category_id, c.uuid AS category_uuid, c.name AS category_name,
            c.default_key AS category_key
       FROM life_event_types t JOIN life_event_categories c ON c.id = t.life_event_category_id
      WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(idList(ids));
  return new Map(rows.map((r) => [r.id, r]));
}
