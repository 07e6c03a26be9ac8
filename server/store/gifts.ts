/**
 * Gifts: ideas, and gifts given to or received from a contact, possibly meant for another contact (the
 * recipient). Prices are stored in hundredths with the currency they were recorded in. Photos are linked
 * through gift_photo (see photos.ts).
 */
import { randomUUID } from 'node:crypto';
import { accountTable, assignments, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

export type GiftStatus = 'idea' | 'offered' | 'received';

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

export interface GiftRow extends AccountRow, GiftInput {
  uuid: string | null;
}

const gifts = accountTable<GiftRow>('gifts');
/** `deleteGift`: its photos are detached (the gift_photo rows go with it), not deleted. */
export const { page: listGifts, pageOfContact: listGiftsForContact, get: getGift, remove: deleteGift } = gifts;

/** The columns an input fills, in its statements' order. */
const FIELDS = ['contact_id', 'recipient_id', 'name', 'comment', 'url', 'amount', 'currency_id', 'status', 'date'] as const;
const valuesOf = (input: GiftInput) => FIELDS.map((field) => input[field]);
const insertRow = gifts.inserter(`uuid, ${FIELDS.join(', ')}`);
const setRow = gifts.updater(assignments(FIELDS.join(', ')));

/** The caller has checked that the contact and the recipient are the account's. */
export function createGift(db: Db, accountId: number, input: GiftInput, now: string): GiftRow {
  return getGift(db, accountId, insertRow(db, accountId, [randomUUID(), ...valuesOf(input)], now))!;
}

/** Replaces the whole gift (its photos stay attached); undefined when it is not in the account. */
export function updateGift(db: Db, accountId: number, id: number, input: GiftInput, now: string): GiftRow | undefined {
  return setRow(db, accountId, id, valuesOf(input), now);
}
