/**
 * Documents: files of any kind attached to a contact (the bytes are under the files directory, see files.ts).
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface DocumentRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  original_filename: string;
  new_filename: string;
  filesize: number | null;
  type: string | null;
  mime_type: string | null;
  number_of_downloads: number;
  created_at: string | null;
  updated_at: string | null;
}

export interface DocumentInput {
  contact_id: number;
  original_filename: string;
  new_filename: string;
  filesize: number;
  type: string | null;
  mime_type: string;
}

const documents = accountTable<DocumentRow>('documents');
export const listDocuments = documents.page;
export const listDocumentsForContact = documents.pageOfContact;
export const getDocument = documents.get;

/** The caller has checked the contact and stored the file. */
export function createDocument(db: Db, accountId: number, input: DocumentInput, now: string): DocumentRow {
  const result = stmt(
    db,
    `INSERT INTO documents (account_id, uuid, contact_id, original_filename, new_filename, filesize, type, mime_type, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, randomUUID(), input.contact_id, input.original_filename, input.new_filename, input.filesize, input.type, input.mime_type, now, now);
  return getDocument(db, accountId, Number(result.lastInsertRowid))!;
}

/** Deletes the document; returns the deleted row so the caller can remove its file. */
export function deleteDocument(db: Db, accountId: number, id: number): DocumentRow | undefined {
  return stmt<DocumentRow>(db, 'DELETE FROM documents WHERE account_id = ? AND id = ? RETURNING *').get(accountId, id);
}
