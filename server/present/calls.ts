import type { Call } from '../../generated/client/types.gen.js';
import { emotionsForCalls, type CallRow } from '../store/calls.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { EmotionRow } from '../store/emotions.js';
import { contactObject } from './contactSummary.js';
import { apiUrl, bool, type PresentContext } from './context.js';
import { dateToTimestamp } from './dates.js';
import { presentEmotion } from './emotions.js';
import { presentWithContacts } from './withContacts.js';

export type CallObject = Call;

/** Presents a call; `contact` is the row of the call's contact, `emotions` the call's emotions in order. */
export function presentCall(row: CallRow, contact: ContactRow, emotions: readonly EmotionRow[], ctx: PresentContext): CallObject {
  const fields = {
    called_at: dateToTimestamp(row.called_at),
    content: row.content,
    contact_called: bool(row.contact_called),
    emotions: emotions.map(presentEmotion),
    url: apiUrl(ctx, `calls/${row.id}`),
  };
  return contactObject(row, 'call', fields, contact, ctx);
}

/** Presents a page of calls, loading their contacts and emotions with one query each. */
export function presentCalls(db: Db, accountId: number, rows: readonly CallRow[], ctx: PresentContext): CallObject[] {
  const emotions = emotionsForCalls(db, accountId, rows.map((c) => c.id));
  return presentWithContacts(db, accountId, rows, 'call', (row, contact) => presentCall(row, contact, emotions.get(row.id) ?? [], ctx));
}
