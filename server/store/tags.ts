/**
 * Tags and the links between tags and contacts.
 */
import { accountTable, childrenOfAccount, contactInAccount, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export interface TagRow extends AccountRow {
  name: string;
  name_slug: string;
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h',
};

/**
 * URL-friendly version of a tag name: lowercase ASCII, accents removed, "@"
 * spelled "at", every run of other characters turned into one dash, and no
 * dash at either end.
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłþıħ]/g, (ch) => TRANSLITERATIONS[ch] ?? '')
    .replace(/@/g, '-at-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const tags = accountTable<TagRow>('tags');
/** `deleteTag`: its links to contacts go with it. */
export const { page: listTags, get: getTag, remove: deleteTag } = tags;
const insertRow = tags.inserter('name, name_slug');
const setRow = tags.updater('name = ?, name_slug = ?');

export function createTag(db: Db, accountId: number, input: { name: string }, now: string): TagRow {
  const name = input.name.trim();
  return getTag(db, accountId, insertRow(db, accountId, [name, slugify(name)], now))!;
}

/** Renames a tag and recomputes its slug. */
export function updateTag(db: Db, accountId: number, id: number, input: { name: string }, now: string): TagRow | undefined {
  const name = input.name.trim();
  return setRow(db, accountId, id, [name, slugify(name)], now);
}

/** Tags of several contacts in one query (contacts without tags map to an empty list). */
export const tagsForContacts = childrenOfAccount<TagRow & { contact_id: number }, TagRow>(
  `SELECT ct.contact_id, t.*
     FROM contact_tag ct
     JOIN tags t ON t.id = ct.tag_id AND t.account_id = ct.account_id
    WHERE ct.account_id = ? AND ct.contact_id IN (SELECT value FROM json_each(?))
    ORDER BY ct.created_at, t.id`,
  ({ contact_id, ...tag }) => [contact_id, tag],
);

/**
 * Attaches tags to a contact by name. Blank names are skipped; a tag with
 * exactly that name is reused, otherwise it is created. Existing links are
 * kept (nothing is ever removed). Returns false when the contact is not in
 * the account (and changes nothing).
 */
export function setTagsByName(
  db: Db,
  accountId: number,
  contactId: number,
  names: readonly string[],
  now: string,
): boolean {
  return db.transaction(() => {
    if (!contactInAccount(db, accountId, contactId)) return false;
    const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
    for (const name of wanted) {
      const existing = stmt<{ id: number }>(
        db,
        'SELECT id FROM tags WHERE account_id = ? AND name = ? ORDER BY id LIMIT 1',
      ).get(accountId, name);
      const tagId = existing ? existing.id : createTag(db, accountId, { name }, now).id;
      stmt(
        db,
        `INSERT INTO contact_tag (account_id, contact_id, tag_id, created_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (contact_id, tag_id) DO NOTHING`,
      ).run(accountId, contactId, tagId, now);
    }
    return true;
  })();
}

/**
 * Detaches the given tags from a contact. Every id must be a tag of the
 * account; otherwise nothing changes and the first unknown id is reported.
 */
export function unsetTags(
  db: Db,
  accountId: number,
  contactId: number,
  tagIds: readonly number[],
): { unknownTagId?: number } {
  return db.transaction(() => {
    for (const tagId of tagIds) {
      if (!getTag(db, accountId, tagId)) return { unknownTagId: tagId };
    }
    const remove = stmt(db, 'DELETE FROM contact_tag WHERE account_id = ? AND contact_id = ? AND tag_id = ?');
    for (const tagId of tagIds) remove.run(accountId, contactId, tagId);
    return {};
  })();
}

/** Detaches every tag from a contact; returns how many links were removed. */
export function unsetAllTags(db: Db, accountId: number, contactId: number): number {
  return stmt(db, 'DELETE FROM contact_tag WHERE account_id = ? AND contact_id = ?').run(accountId, contactId)
    .changes;
}
