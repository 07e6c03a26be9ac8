import type { Document } from '../../generated/client/types.gen.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { DocumentRow } from '../store/documents.js';
import { presentContactSummary } from './contactSummary.js';
import { apiUrl, type PresentContext } from './context.js';
import { toApiTimestamp } from './dates.js';
import { storageUrl } from './photos.js';

/** Presents a document; `contact` is the row of its contact (undefined: shown as null). */
export function presentDocument(row: DocumentRow, contact: ContactRow | undefined, ctx: PresentContext): Document {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'document',
    original_filename: row.original_filename,
    new_filename: row.new_filename,
    filesize: row.filesize,
    type: row.type,
    mime_type: row.mime_type,
    number_of_downloads: row.number_of_downloads,
    link: storageUrl(ctx, row.new_filename),
    url: apiUrl(ctx, `documents/${row.id}`),
    account: { id: row.account_id },
    contact: contact ? presentContactSummary(contact, ctx) : null,
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/** Presents a page of documents, loading their contacts with one query. */
export function presentDocuments(db: Db, accountId: number, rows: readonly DocumentRow[], ctx: PresentContext): Document[] {
  const contacts = getContactsByIds(db, accountId, rows.map((d) => d.contact_id));
  return rows.map((row) => presentDocument(row, contacts.get(row.contact_id), ctx));
}
