/**
 * Gifts: ideas, and gifts given to or received from a contact, possibly meant for another contact (the
 * recipient). Prices are stored in hundredths with the currency they were recorded in. Photos are linked
 * through gift_photo (see photos.ts).
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

export type GiftStatus = 'idea' | 'offered' | 'received';

export interface GiftRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  recipient_id: number | null;
  name: string;
  comment: string | null;
  url: string | null;
  amount: number | null;
  currency_id: number | null;
  status: GiftStatus;
  date: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** A whole gift: an update replaces every field. */
export interface GiftInput {
  contact_id: number;
  recipient_id: number | null;
  name: string;
  comment: string | null;
  url: string | null;
  /** Hundredths, or null for no price. */
  amount: number | null;
  currency_id: number | null;
  status: GiftStatus;
  date: string | null;
}

export function listGifts(db: Db, accountId: number, opts: PageOptions): Page<GiftRow> {
  return pageOfAccountRows<GiftRow>(db, 'gifts', { accountId }, opts);
}

export function listGiftsForContact(db: Db, accountId: number, contactId: number, opts: PageOptions): Page<GiftRow> {
  return pageOfAccountRows<GiftRow>(db, 'gifts', { accountId, contactId }, opts);
}

export function getGift(db: Db, accountId: number, id: number): GiftRow | undefined {
  return stmt<GiftRow>(db, 'SELECT * FROM gifts WHERE account_id = ? AND id = ?').get(accountId, id);
}

/** The caller has checked that the contact and the recipient are the account's. */
export function createGift(db: Db, accountId: number, input: GiftInput, now: string): GiftRow {
  const result = stmt(
    db,
    `INSERT INTO gifts (account_id, uuid, contact_id, recipient_id, name, comment, url, amount, currency_id, status, date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    accountId,
    randomUUID(),
    input.contact_id,
    input.recipient_id,
    input.name,
    input.comment,
    input.url,
    input.amount,
    input.currency_id,
    input.status,
    input.date,
    now,
    now,
  );
  return getGift(db, accountId, Number(result.lastInsertRowid))!;
}

/** Replaces the whole gift (its photos stay attached); undefined when it is not in the account. */
export function updateGift(db: Db, accountId: number, id: number, input: GiftInput, now: string): GiftRow | undefined {
  const result = stmt(
    db,
    `UPDATE gifts SET contact_id = ?, recipient_id = ?, name = ?, comment = ?, url = ?, amount = ?, currency_id = ?,
            status = ?, date = ?, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(
    input.contact_id,
    input.recipient_id,
    input.name,
    input.comment,
    input.url,
    input.amount,
    input.currency_id,
    input.status,
    input.date,
    now,
    accountId,
    id,
  );
  return result.changes === 0 ? undefined : getGift(db, accountId, id);
}

/** Deletes the gift; its photos are detached (the gift_photo rows go with it), not deleted. */
export function deleteGift(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM gifts WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}

