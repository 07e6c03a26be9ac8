import type { Photo } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { readStoredFile } from '../store/files.js';
import type { PhotoRow } from '../store/photos.js';
import { contactObject } from './contactSummary.js';
import { storageUrl, type PresentContext } from './context.js';
import { presentWithContactsIfAny } from './withContacts.js';

/** Where stored files are downloaded from (kept here for the presenters that import it from this module). */
export { storageUrl };

/** What photo and document presenters need: the base URL, and where the stored files are. */
export interface FilePresentContext extends PresentContext {
  filesDir: string;
}

/** The stored image as a `data:` URL, or null when the file cannot be read. */
export function dataUrlOf(row: PhotoRow, ctx: FilePresentContext): string | null {
  const bytes = readStoredFile(ctx.filesDir, row.new_filename);
  if (!bytes) return null;
  return `data:${row.mime_type ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`;
}

/** Presents a photo; `contact` is the row of its contact (undefined: shown as null). */
export function presentPhoto(row: PhotoRow, contact: ContactRow | undefined, ctx: FilePresentContext): Photo {
  const fields = {
    original_filename: row.original_filename,
    new_filename: row.new_filename,
    filesize: row.filesize,
    mime_type: row.mime_type,
    dataUrl: dataUrlOf(row, ctx),
    link: storageUrl(ctx, row.new_filename),
  };
  return contactObject(row, 'photo', fields, contact, ctx);
}

/** Presents a page of photos, loading their contacts with one query. */
export function presentPhotos(db: Db, accountId: number, rows: readonly PhotoRow[], ctx: FilePresentContext): Photo[] {
  return presentWithContactsIfAny(db, accountId, rows, (row, contact) => presentPhoto(row, contact, ctx));
}
