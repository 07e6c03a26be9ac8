/**
 * Labels of contact fields and addresses (`home`, `work`, ... or any text). Labels belong to the account and are
 * created on first use; the standard ones are stored by key and shown translated.
 */
import { accountTable, childrenOfAccount, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';
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

export interface LabelRow extends AccountRow {
  label_i18n: string | null;
  label: string | null;
}

/** What a label is, from the text a client sent: a standard key (any case) or custom text. Blank text is no label. */
function parseLabel(text: string): { key: string; custom: null } | { key: null; custom: string } | undefined {
  const trimmed = trimInput(text);
  if (trimmed === '') return undefined;
  const lower = trimmed.toLowerCase();
  return Object.hasOwn(STANDARD_LABELS, lower) ? { key: lower, custom: null } : { key: null, custom: trimmed };
}

const insertLabel = accountTable<LabelRow>('contact_field_labels').inserter('label_i18n, label');

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
    const id = existing?.id ?? insertLabel(db, accountId, [parsed.key, parsed.custom], now);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

type LabelSetter = (db: Db, accountId: number, parentId: number, labelIds: readonly number[]) => void;

/** Replaces the labels of a parent row in `table`, whose id is in `parentColumn`. Call inside a transaction. */
function labelLinks(table: string, parentColumn: string): LabelSetter {
  const remove = `DELETE FROM ${table} WHERE account_id = ? AND ${parentColumn} = ?`;
  const insert = `INSERT INTO ${table} (account_id, ${parentColumn}, contact_field_label_id) VALUES (?, ?, ?)`;
  return (db, accountId, parentId, labelIds) => {
    stmt(db, remove).run(accountId, parentId);
    const add = stmt(db, insert);
    for (const labelId of labelIds) add.run(accountId, parentId, labelId);
  };
}

/** Replaces the labels of a contact field (the field must be the account's). Call inside a transaction. */
export const setContactFieldLabels = labelLinks('contact_field_contact_field_label', 'contact_field_id');

/** Replaces the labels of an address (the address must be the account's). Call inside a transaction. */
export const setAddressLabels = labelLinks('address_contact_field_label', 'address_id');

/**
 * Gives a contact field or an address (`set`: `setContactFieldLabels` or `setAddressLabels`) the labels for `texts`,
 * creating the missing ones; a null or empty list keeps its labels. Call inside a transaction.
 */
export function relabel(set: LabelSetter, db: Db, accountId: number, id: number, texts: readonly string[] | null, now: string): void {
  if (texts && texts.length > 0) set(db, accountId, id, ensureLabels(db, accountId, texts, now));
}

/** The labels of several addresses, in one query (Monica stores them; the address object does not show them). */
export const labelsForAddresses = childrenOfAccount<LabelRow & { address_id: number }, LabelRow>(
  `SELECT l.*, p.address_id FROM address_contact_field_label p
     JOIN contact_field_labels l ON l.id = p.contact_field_label_id AND l.account_id = p.account_id
    WHERE p.account_id = ? AND p.address_id IN (SELECT value FROM json_each(?))
    ORDER BY p.address_id, l.id`,
  ({ address_id, ...label }) => [address_id, label],
);
