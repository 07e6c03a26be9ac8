import type { Call } from '../../generated/client/types.gen.js';
import { emotionsForCalls, type CallRow } from '../store/calls.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { EmotionRow } from '../store/emotions.js';
import { presentContactSummary } from './contactSummary.js';
import { apiUrl, bool, type PresentContext } from './context.js';
import { dateToTimestamp, toApiTimestamp } from './dates.js';
import { presentEmotion } from './emotions.js';

export type CallObject = Call;

/** Presents a call; `contact` is the row of the call's contact, `emotions` the call's emotions in order. */
export function presentCall(row: CallRow, contact: ContactRow, emotions: readonly EmotionRow[], ctx: PresentContext): CallObject {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'call',
    called_at: dateToTimestamp(row.called_at),
    content: row.content,
    contact_called: bool(row.contact_called),
    emotions: emotions.map(presentEmotion),
    url: apiUrl(ctx, `calls/${row.id}`),
    account: { id: row.account_id },
    contact: presentContactSummary(contact, ctx),
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/** Presents a page of calls, loading their contacts and emotions with one query each. */
export function presentCalls(db: Db, accountId: number, rows: readonly CallRow[], ctx: PresentContext): CallObject[] {
  const contacts = getContactsByIds(db, accountId, rows.map((c) => c.contact_id));
  const emotions = emotionsForCalls(db, accountId, rows.map((c) => c.id));
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`call ${row.id} refers to a contact outside account ${accountId}`);
    return presentCall(row, contact, emotions.get(row.id) ?? [], ctx);
  });
}
