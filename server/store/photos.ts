/**
 * Photos: images attached to a contact (the file itself is under the files directory, see files.ts), and the
 * links that show them on gifts.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, childrenOfAccount } from './accountTable.js';
import { stmt, type Db } from './db.js';
import { STORED_FILE_COLUMNS, storedFileValues, type StoredFileInput, type StoredFileRow } from './files.js';

export type PhotoRow = StoredFileRow;
export type PhotoInput = StoredFileInput;

const photos = accountTable<PhotoRow>('photos');
/** `deletePhoto` deletes its links to gifts too, and answers the deleted row so the caller can remove its file. */
export const { page: listPhotos, pageOfContact: listPhotosForContact, get: getPhoto, removeReturning: deletePhoto } = photos;
const insertRow = photos.inserter(`uuid, ${STORED_FILE_COLUMNS}`);

/** The caller has checked the contact and stored the file. */
export function createPhoto(db: Db, accountId: number, input: PhotoInput, now: string): PhotoRow {
  return getPhoto(db, accountId, insertRow(db, accountId, [randomUUID(), ...storedFileValues(input)], now))!;
}

/** Shows a photo on a gift; attaching it twice changes nothing. Both must be the account's (checked by the caller). */
export function attachPhotoToGift(db: Db, accountId: number, giftId: number, photoId: number, now: string): void {
  stmt(db, 'INSERT OR IGNORE INTO gift_photo (account_id, gift_id, photo_id, created_at) VALUES (?, ?, ?, ?)').run(accountId, giftId, photoId, now);
}

/** The photos of each gift, in the order they were attached, in one query. Every gift id is a key. */
export const photosOfGifts = childrenOfAccount<PhotoRow & { gift_id: number }, PhotoRow>(
  `SELECT gp.gift_id AS gift_id, p.*
     FROM gift_photo gp JOIN photos p ON p.id = gp.photo_id AND p.account_id = gp.account_id
    WHERE gp.account_id = ? AND gp.gift_id IN (SELECT value FROM json_each(?))
    ORDER BY gp.gift_id, gp.created_at, p.id`,
  ({ gift_id, ...photo }) => [gift_id, photo],
);
