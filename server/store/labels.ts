/**
 * Labels of contact fields and addresses (`home`, `work`, ... or any text). Labels belong to the account and are
 * created on first use; the standard ones are stored by key and shown translated.
 */
import { childrenByParent, stmt, type Db } from './db.js';
import { trimInput } from '../text.js';

/** The keys of Monica's standard labels, with their English text. */
export const STANDARD_LABELS: Readonly<Record<string, string>> = {
  home: 'Home',
  work: 'Work',
  cell: 'Mobile',
  fax: 'Fax',
  pager: 'Pager',
  main: 'Main',
  other: 'Other',
};

export interface LabelRow {
  id: number;
  account_id: number;
  label_i18n: string | null;
  label: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** What a label is, from the text a client sent: a standard key (any case) or custom text. Blank text is no label. */
function parseLabel(text: string): { key: string; custom: null } | { key: null; custom: string } | undefined {
  const trimmed = trimInput(text);
  if (trimmed === '') return undefined;
  const lower = trimmed.toLowerCase();
  return Object.hasOwn(STANDARD_LABELS, lower) ? { key: lower, custom: null } : { key: null, custom: trimmed };
}

/**
 * The ids of the account's labels for `texts`, creating the missing ones; duplicates and blanks are dropped and the
 * order of first appearance is kept. Call inside the caller's transaction.
 */
export function ensureLabels(db: Db, accountId: number, texts: readonly string[], now: string): number[] {
  const ids: number[] = [];
  for (const text of texts) {
    const parsed = parseLabel(text);
    if (!parsed) continue;
    const existing =
      parsed.key !== null
        ? stmt<{ id: number }>(db, 'SELECT id FROM contact_field_labels WHERE account_id = ? AND label_i18n = ?').get(accountId, parsed.key)
        : stmt<{ id: number }>(db, 'SELECT id FROM contact_field_labels WHERE account_id = ? AND label = ?').get(accountId, parsed.custom);
    const id =
      existing?.id ??
      Number(
        stmt(
          db,
          'INSERT INTO contact_field_labels (account_id, label_i18n, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        ).run(accountId, parsed.key, parsed.custom, now, now).lastInsertRowid,
      );
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Replaces the labels of a contact field (the field must be the account's). Call inside a transaction. */
export function setContactFieldLabels(db: Db, accountId: number, fieldId: number, labelIds: readonly number[]): void {
  stmt(db, 'DELETE FROM contact_field_contact_field_label WHERE account_id = ? AND contact_field_id = ?').run(accountId, fieldId);
  const insert = stmt(
    db,
    'INSERT INTO contact_field_contact_field_label (account_id, contact_field_id, contact_field_label_id) VALUES (?, ?, ?)',
  );
  for (const labelId of labelIds) insert.run(accountId, fieldId, labelId);
}

/** Replaces the labels of an address (the address must be the account's). Call inside a transaction. */
export function setAddressLabels(db: Db, accountId: number, addressId: number, labelIds: readonly number[]): void {
  stmt(db, 'DELETE FROM address_contact_field_label WHERE account_id = ? AND address_id = ?').run(accountId, addressId);
  const insert = stmt(
    db,
    'INSERT INTO address_contact_field_label (account_id, address_id, contact_field_label_id) VALUES (?, ?, ?)',
  );
  for (const labelId of labelIds) insert.run(accountId, addressId, labelId);
}

/** The labels of several addresses, in one query (Monica stores them; the address object does not show them). */
export function labelsForAddresses(db: Db, accountId: number, addressIds: Iterable<number>): Map<number, LabelRow[]> {
  return childrenByParent(
    addressIds,
    (list) =>
      stmt<LabelRow & { address_id: number }>(
        db,
        `SELECT l.*, p.address_id FROM address_contact_field_label p
           JOIN contact_field_labels l ON l.id = p.contact_field_label_id AND l.account_id = p.account_id
          WHERE p.account_id = ? AND p.address_id IN (SELECT value FROM json_each(?))
          ORDER BY p.address_id, l.id`,
      ).all(accountId, list),
    ({ address_id, ...label }) => [address_id, label],
  );
}
