import type { LifeEvent, LifeEventType } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { getLifeEventTypesByIds, type LifeEventRow, type LifeEventTypeRow } from '../store/lifeEvents.js';
import { contactObject } from './contactSummary.js';
import type { PresentContext } from './context.js';
import { dateToTimestamp } from './dates.js';
import { presentWithContacts } from './withContacts.js';

/**
 * A built-in life event type with its category. They are global here, so they show the calling account and no
 * timestamps (Monica's copies carry the time each account was made).
 */
export function presentLifeEventType(type: LifeEventTypeRow, accountId: number): LifeEventType {
  const account = { id: accountId };
  return {
    id: type.id,
    uuid: type.uuid,
    object: 'lifeeventtype',
    name: type.name,
    core_monica_data: true,
    default_life_event_type_key: type.default_key,
    life_event_category: {
      id: type.category_id,
      uuid: type.category_uuid,
      object: 'lifeeventcategory',
      name: type.category_name,
      core_monica_data: true,
      default_life_event_category_key: type.category_key,
      account,
      created_at: null,
      updated_at: null,
    },
    account,
    created_at: null,
    updated_at: null,
  };
}

export function presentLifeEvent(row: LifeEventRow, type: LifeEventTypeRow, contact: ContactRow, ctx: PresentContext): LifeEvent {
  const fields = {
    name: row.name,
    note: row.note,
    happened_at: dateToTimestamp(row.happened_at),
    life_event_type: presentLifeEventType(type, row.account_id),
  };
  return contactObject(row, 'lifeevent', fields, contact, ctx);
}

/** Presents a page of life events, loading their contacts and types with one query each. */
export function presentLifeEvents(db: Db, accountId: number, rows: readonly LifeEventRow[], ctx: PresentContext): LifeEvent[] {
  const types = getLifeEventTypesByIds(db, rows.map((r) => r.life_event_type_id));
  return presentWithContacts(db, accountId, rows, 'life event', (row, contact) =>
    presentLifeEvent(row, types.get(row.life_event_type_id)!, contact, ctx),
  );
}
