/**
 * Uploaded files on disk. A file lives under the server's files directory at a path the server makes up
 * (`photos/<40 random letters and digits>.<ext>`); the client's file name is only ever kept as metadata. The
 * database rows (photos, documents) hold that relative path in `new_filename`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { ContactOwnedRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export type FileFolder = 'photos' | 'documents';

/** What a photo or a document row keeps of its file. */
export interface StoredFileRow extends ContactOwnedRow {
  original_filename: string;
  new_filename: string;
  filesize: number | null;
  mime_type: string | null;
}

/** A photo or a document as written; the caller has checked the contact and stored the file. */
export interface StoredFileInput {
  contact_id: number;
  original_filename: string;
  new_filename: string;
  filesize: number;
  mime_type: string;
}

/** The columns of a `StoredFileInput` in the inserts of photos and documents, and their values. */
export const STORED_FILE_COLUMNS = 'contact_id, original_filename, new_filename, filesize, mime_type';
export const storedFileValues = (f: StoredFileInput) => [f.contact_id, f.original_filename, f.new_filename, f.filesize, f.mime_type];

/** Every path this module writes has this form; anything else is refused when reading or removing. */
const STORED_PATH = /^(photos|documents)\/[A-Za-z0-9]{40}(\.[a-z0-9]{1,10})?$/;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 40 random letters and digits, like Laravel's hashed upload names. */
export function randomFileStem(): string {
  let out = '';
  while (out.length < 40) {
    for (const byte of randomBytes(64)) {
      // 248 = 4 * 62: dropping the bytes above it keeps every character equally likely.
      if (byte < 248 && out.length < 40) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/** A safe extension (lowercase letters and digits, at most 10) or null. */
export function safeExtension(ext: string | null | undefined): string | null {
  const e = (ext ?? '').toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(e) ? e : null;
}

function absolute(filesDir: string, relative: string): string | undefined {
  if (!STORED_PATH.test(relative)) return undefined;
  const root = resolve(filesDir);
  const full = resolve(root, relative);
  return full.startsWith(root + sep) ? full : undefined;
}

/** Writes the bytes under a new random name in `folder` and returns the relative path. Never overwrites a file. */
export function storeFile(filesDir: string, folder: FileFolder, bytes: Uint8Array, extension: string | null): string {
  const ext = safeExtension(extension);
  mkdirSync(join(filesDir, folder), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    const relative = `${folder}/${randomFileStem()}${ext ? `.${ext}` : ''}`;
    try {
      writeFileSync(absolute(filesDir, relative)!, bytes, { flag: 'wx' });
      return relative;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
  }
}

/** The stored bytes, or null when the file is missing or unreadable. */
export function readStoredFile(filesDir: string, relative: string): Buffer | null {
  const full = absolute(filesDir, relative);
  if (!full) return null;
  try {
    return readFileSync(full);
  } catch {
    return null;
  }
}

/** Writes a stored file back under the name it had (a reset of the account); paths this module did not make are refused. */
export function restoreStoredFile(filesDir: string, relative: string, bytes: Uint8Array): void {
  const full = absolute(filesDir, relative);
  if (!full) throw new Error(`not a stored file path: ${relative}`);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
}

/** Removes stored files; missing ones and paths this module did not make are skipped. */
export function removeStoredFiles(filesDir: string, relatives: Iterable<string>): void {
  for (const relative of relatives) {
    const full = absolute(filesDir, relative);
    if (!full) continue;
    try {
      rmSync(full, { force: true });
    } catch {
      // A file that cannot be removed now is an orphan on disk, not an error for the client.
    }
  }
}

/**
 * The stored files of a contact's photos and documents (paths relative to the files directory). Call it before
 * the contact is deleted (the rows go with the contact, ON DELETE CASCADE), then remove the files with
 * `removeStoredFiles(context.filesDir, paths)` once the deletion has succeeded.
 */
export function filesOfContact(db: Db, accountId: number, contactId: number): string[] {
  return stmt<{ new_filename: string }>(
    db,
    `SELECT new_filename FROM photos WHERE account_id = ? AND contact_id = ?
     UNION ALL
     SELECT new_filename FROM documents WHERE account_id = ? AND contact_id = ?`,
  )
    .all(accountId, contactId, accountId, contactId)
    .map((r) => r.new_filename);
}
