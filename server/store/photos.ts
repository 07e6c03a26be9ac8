/**
 * Photos: images attached to a contact (the file itself is under the files directory, see files.ts), and the
 * links that show them on gifts.
 */
import { randomUUID } from 'node:crypto';
import { childrenByParent, stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface PhotoRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  original_filename: string;
  new_filename: string;
  filesize: number | null;
  mime_type: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface PhotoInput {
  contact_id: number;
  original_filename: string;
  new_filename: string;
  filesize: number;
  mime_type: string;
}

const photos = accountTable<PhotoRow>('photos');
export const listPhotos = photos.page;
export const listPhotosForContact = photos.pageOfContact;
export const getPhoto = photos.get;

/** The caller has checked the contact and stored the file. */
export function createPhoto(db: Db, accountId: number, input: PhotoInput, now: string): PhotoRow {
  const result = stmt(
    db,
    `INSERT INTO photos (account_id, uuid, contact_id, original_filename, new_filename, filesize, mime_type, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, randomUUID(), input.contact_id, input.original_filename, input.new_filename, input.filesize, input.mime_type, now, now);
  return getPhoto(db, accountId, Number(result.lastInsertRowid))!;
}

/** Deletes the photo (and its links to gifts); returns the deleted row so the caller can remove its file. */
export function deletePhoto(db: Db, accountId: number, id: number): PhotoRow | undefined {
  return stmt<PhotoRow>(db, 'DELETE FROM photos WHERE account_id = ? AND id = ? RETURNING *').get(accountId, id);
}

/** Shows a photo on a gift; attaching it twice changes nothing. Both must be the account's (checked by the caller). */
export function attachPhotoToGift(db: Db, accountId: number, giftId: number, photoId: number, now: string): void {
  stmt(db, 'INSERT OR IGNORE INTO gift_photo (account_id, gift_id, photo_id, created_at) VALUES (?, ?, ?, ?)').run(accountId, giftId, photoId, now);
}

/** The photos of each gift, in the order they were attached, in one query. Every gift id is a key. */
export function photosOfGifts(db: Db, accountId: number, giftIds: Iterable<number>): Map<number, PhotoRow[]> {
  return childrenByParent(
    giftIds,
    (list) =>
      stmt<PhotoRow & { gift_id: number }>(
        db,
        `SELECT gp.gift_id AS gift_id, p.*
           FROM gift_photo gp JOIN photos p ON p.id = gp.photo_id AND p.account_id = gp.account_id
          WHERE gp.account_id = ? AND gp.gift_id IN (SELECT value FROM json_each(?))
          ORDER BY gp.gift_id, gp.created_at, p.id`,
      ).all(accountId, list),
    ({ gift_id, ...photo }) => [gift_id, photo],
  );
}
