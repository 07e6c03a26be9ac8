import type { JournalEntry } from '../../generated/client/types.gen.js';
import type { JournalEntryRow } from '../store/journalEntries.js';
import { apiUrl, type PresentContext } from './context.js';
import { toApiTimestamp, toCarbonJson } from './dates.js';

/** Presents a journal entry. Its `date` keeps Monica's Carbon form, with microseconds. */
export function presentJournalEntry(row: JournalEntryRow, ctx: PresentContext): JournalEntry {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'entry',
    title: row.title,
    post: row.post,
    date: toCarbonJson(row.date ?? row.created_at)!,
    url: apiUrl(ctx, `journal/${row.id}`),
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
