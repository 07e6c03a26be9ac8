import type { Activity } from '../../generated/client/types.gen.js';
import { attendeesOfActivities, emotionsOfActivities, type ActivityRow } from '../store/activities.js';
import { getActivityTypesByIds } from '../store/activityTypes.js';
import { getContactsByIds } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { presentActivityType } from './activityTypes.js';
import { presentContactSummary } from './contactSummary.js';
import { accountAndTimes, apiUrl, type PresentContext } from './context.js';
import { presentEmotion } from './emotions.js';

/**
 * Presents a page of activities with their types, attendees and emotions, loaded with a fixed number of
 * queries (types, attendee links, attendee contacts, emotions) whatever the page size.
 */
export function presentActivities(db: Db, accountId: number, rows: readonly ActivityRow[], ctx: PresentContext): Activity[] {
  const ids = rows.map((r) => r.id);
  const types = getActivityTypesByIds(
    db,
    accountId,
    rows.flatMap((r) => (r.activity_type_id === null ? [] : [r.activity_type_id])),
  );
  const attendees = attendeesOfActivities(db, accountId, ids);
  const contacts = getContactsByIds(db, accountId, [...attendees.values()].flat());
  const emotions = emotionsOfActivities(db, accountId, ids);
  return rows.map((row) => {
    const type = row.activity_type_id === null ? undefined : types.get(row.activity_type_id);
    const attendeeRows = (attendees.get(row.id) ?? []).map((contactId) => {
      const contact = contacts.get(contactId);
      if (!contact) throw new Error(`activity ${row.id} refers to a contact outside account ${accountId}`);
      return contact;
    });
    return {
      id: row.id,
      uuid: row.uuid,
      object: 'activity',
      summary: row.summary,
      description: row.description,
      happened_at: row.happened_at,
      activity_type: type ? presentActivityType(type) : null,
      attendees: {
        total: attendeeRows.length,
        contacts: attendeeRows.map((contact) => presentContactSummary(contact, ctx)),
      },
      emotions: (emotions.get(row.id) ?? []).map(presentEmotion),
      url: apiUrl(ctx, `activities/${row.id}`),
      ...accountAndTimes(row),
    };
  });
}
