import type { JournalEntry } from '../../generated/client/types.gen.js';
import type { JournalEntryRow } from '../store/journalEntries.js';
import { accountAndTimes, apiUrl, type PresentContext } from './context.js';
import { toCarbonJson } from './dates.js';

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
    ...accountAndTimes(row),
  };
}
