// The search index and the kept list count of migration 9 must answer exactly what a scan of the contacts would.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase, unicodeFold, type Db } from '../server/store/db.js';
import { createAccount } from '../server/store/accounts.js';
import { seedAccountReferenceData } from '../server/seed/referenceData.js';
import {
  createContact,
  deleteContact,
  listContacts,
  searchContacts,
  updateContact,
  updateContactWork,
  type ContactInput,
} from '../server/store/contacts.js';
import * as m009 from '../server/store/migrations/009_contactSearch.js';
import { trimInput } from '../server/text.js';

const NOW = '2024-06-15T10:20:30Z';
const SEARCHED = ['first_name', 'middle_name', 'last_name', 'nickname', 'description', 'job', 'company'] as const;

function world(): { db: Db; a: number; b: number } {
  const db = openDatabase(':memory:');
  const a = createAccount(db, { name: 'A', userFirstName: 'Jane', userLastName: 'Doe', email: 'jane@example.com' }, NOW).accountId;
  const b = createAccount(db, { name: 'B', userFirstName: 'John', userLastName: 'Roe', email: 'john@example.com' }, NOW).accountId;
  seedAccountReferenceData(db, a, NOW);
  seedAccountReferenceData(db, b, NOW);
  return { db, a, b };
}

function person(first: string, extra: Partial<ContactInput> = {}): ContactInput {
  return { first_name: first, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, ...extra };
}

/** The search as the store did it before the index: fold every searched column of every row and compare. */
function scanSearch(db: Db, accountId: number, needle: string): number[] {
  const words = [...new Set(trimInput(needle).split(/[\s\u0000]+/).filter((w) => w.length > 0))].map(unicodeFold);
  // A needle of only separators is no search: the plain list.
  if (words.length === 0) return listContacts(db, accountId, { limit: 100, offset: 0 }).rows.map((r) => r.id);
  const rows = db
    .prepare('SELECT * FROM contacts WHERE account_id = ? AND is_partial = 0 ORDER BY created_at, id')
    .all(accountId) as Record<string, string | null>[];
  return rows
    .filter((row) => SEARCHED.some((col) => row[col] !== null && words.some((w) => unicodeFold(row[col]!).includes(w))))
    .map((row) => Number(row.id));
}

function countListed(db: Db, accountId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM contacts WHERE account_id = ? AND is_partial = 0 AND is_active = 1').get(accountId) as { n: number }).n;
}

// Letters that fold (case, accents, a ligature, a final sigma), LIKE's wildcards, FTS5's quote and control characters.
const CHARS = ['a', 'B', 'é', 'E', 'ï', 'ﬁ', 'Σ', 'ς', 'o', 'Ö', '%', '_', '"', '\\', 'n', 'ñ', '\u0301', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
// A search may also hold NUL, which SQLite's MATCH and LIKE would read as the end of the pattern.
const needleText = fc.array(fc.constantFrom(...CHARS, '\u0000'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
const maybe = fc.option(text, { nil: null });
const contactArb = fc.record({
  first_name: text,
  middle_name: maybe,
  last_name: maybe,
  nickname: maybe,
  description: maybe,
  is_partial: fc.boolean(),
  job: maybe,
  company: maybe,
  archived: fc.boolean(),
  deleted: fc.boolean(),
  renamed: maybe,
});

describe('contact search index (migration 9)', () => {
  it('answers exactly what scanning every contact answers, after creates, updates, archives and deletes', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { minLength: 1, maxLength: 12 }), fc.array(fc.array(needleText, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (people, needles) => {
        const { db, a, b } = world();
        for (const [i, p] of people.entries()) {
          const input = person(p.first_name, { ...p, is_partial: p.is_partial });
          const created = createContact(db, i % 3 === 2 ? b : a, input, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z`);
          updateContactWork(db, created.account_id, created.id, { job: p.job, company: p.company }, NOW);
          if (p.renamed !== null) updateContact(db, created.account_id, created.id, { ...input, first_name: p.renamed }, NOW);
          if (p.archived) db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(created.id);
          if (p.deleted) deleteContact(db, created.account_id, created.id);
        }
        for (const words of needles) {
          const needle = words.join(' ');
          for (const account of [a, b]) {
            const page = searchContacts(db, account, needle, { limit: 100, offset: 0 });
            const expected = scanSearch(db, account, needle);
            expect(page.rows.map((r) => r.id)).toEqual(expected);
            expect(page.total).toBe(expected.length);
          }
        }
        for (const account of [a, b]) expect(listContacts(db, account, { limit: 1, offset: 0 }).total).toBe(countListed(db, account));
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('finds words of three letters or more through the trigram index, and shorter ones by scanning', () => {
    const { db, a } = world();
    const zoe = createContact(db, a, person('Zoë', { last_name: 'Ökonkwo' }), NOW);
    createContact(db, a, person('Ann', { last_name: 'Smith' }), NOW);
    const ids = (needle: string) => searchContacts(db, a, needle, { limit: 10, offset: 0 }).rows.map((r) => r.id);
    expect(ids('okonkwo')).toEqual([zoe.id]);
    expect(ids('ZOE')).toEqual([zoe.id]);
    expect(ids('zo')).toEqual([zoe.id]);
    // The indexed path really uses the index (the plan names it), not a scan of the contacts.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT rowid FROM contacts_search WHERE contacts_search MATCH '\"okonkwo\"'")
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX 0:M/);
  });

  it('keeps the listed count in step through archive, partial and account deletion', () => {
    const { db, a, b } = world();
    const one = createContact(db, a, person('One'), NOW);
    createContact(db, a, person('Two'), NOW);
    createContact(db, a, person('Partial', { is_partial: true }), NOW);
    createContact(db, b, person('Theirs'), NOW);
    expect(listContacts(db, a, { limit: 1, offset: 0 }).total).toBe(2);
    db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(one.id);
    expect(listContacts(db, a, { limit: 1, offset: 0 }).total).toBe(1);
    db.prepare('UPDATE contacts SET is_active = 1 WHERE id = ?').run(one.id);
    updateContact(db, a, one.id, person('One', { is_partial: true }), NOW);
    expect(listContacts(db, a, { limit: 1, offset: 0 }).total).toBe(1);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(a);
    expect(listContacts(db, a, { limit: 1, offset: 0 }).total).toBe(0);
    expect(listContacts(db, b, { limit: 1, offset: 0 }).total).toBe(1);
  });

  it('fills the index and the counts from the contacts already stored when it is applied', () => {
    const { db, a } = world();
    const ann = createContact(db, a, person('Ann', { last_name: 'Smíth' }), NOW);
    createContact(db, a, person('Bo'), NOW);
    // Undo migration 9 and apply it again over the stored contacts.
    db.exec(`DROP TABLE contacts_search; DROP TABLE contact_list_counts;
      DROP TRIGGER contacts_search_insert; DROP TRIGGER contacts_search_update; DROP TRIGGER contacts_search_delete;
      DROP TRIGGER contact_list_counts_insert; DROP TRIGGER contact_list_counts_delete; DROP TRIGGER contact_list_counts_update;`);
    db.exec(m009.sql);
    expect(searchContacts(db, a, 'SMITH', { limit: 10, offset: 0 }).rows.map((r) => r.id)).toEqual([ann.id]);
    expect(listContacts(db, a, { limit: 1, offset: 0 }).total).toBe(2);
  });
});
