/**
 * Documents: files of any kind attached to a contact (the bytes are under the files directory, see files.ts).
 */
import { randomUUID } from 'node:crypto';
import { accountTable } from './accountTable.js';
import type { Db } from './db.js';
import { STORED_FILE_COLUMNS, storedFileValues, type StoredFileInput, type StoredFileRow } from './files.js';

export interface DocumentRow extends StoredFileRow {
  type: string | null;
  number_of_downloads: number;
}

export interface DocumentInput extends StoredFileInput {
  type: string | null;
}

const documents = accountTable<DocumentRow>('documents');
/** `deleteDocument` answers the deleted row, so the caller can remove its file. */
export const { page: listDocuments, pageOfContact: listDocumentsForContact, get: getDocument, removeReturning: deleteDocument } = documents;
const insertRow = documents.inserter(`uuid, ${STORED_FILE_COLUMNS}, type`);

/** The caller has checked the contact and stored the file. */
export function createDocument(db: Db, accountId: number, input: DocumentInput, now: string): DocumentRow {
  return getDocument(db, accountId, insertRow(db, accountId, [randomUUID(), ...storedFileValues(input), input.type], now))!;
}
