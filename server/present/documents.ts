import type { Document } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { DocumentRow } from '../store/documents.js';
import { contactObject } from './contactSummary.js';
import { apiUrl, type PresentContext } from './context.js';
import { storageUrl } from './photos.js';
import { presentWithContactsIfAny } from './withContacts.js';

/** Presents a document; `contact` is the row of its contact (undefined: shown as null). */
export function presentDocument(row: DocumentRow, contact: ContactRow | undefined, ctx: PresentContext): Document {
  const fields = {
    original_filename: row.original_filename,
    new_filename: row.new_filename,
    filesize: row.filesize,
    type: row.type,
    mime_type: row.mime_type,
    number_of_downloads: row.number_of_downloads,
    link: storageUrl(ctx, row.new_filename),
    url: apiUrl(ctx, `documents/${row.id}`),
  };
  return contactObject(row, 'document', fields, contact, ctx);
}

/** Presents a page of documents, loading their contacts with one query. */
export function presentDocuments(db: Db, accountId: number, rows: readonly DocumentRow[], ctx: PresentContext): Document[] {
  return presentWithContactsIfAny(db, accountId, rows, (row, contact) => presentDocument(row, contact, ctx));
}
