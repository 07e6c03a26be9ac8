import { describe, it, expect } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../server/store/db.js';
import { migrations } from '../server/store/migrations.js';
import { createAccount, findAccountByToken, hashToken, issueToken, listAccounts } from '../server/store/accounts.js';
import {
  countsForContacts,
  createContact,
  deleteContact,
  emailInUse,
  getContact,
  getContactsByIds,
  listContacts,
  listContactsForTag,
  searchContacts,
  updateContact,
  updateContactWork,
} from '../server/store/contacts.js';
import {
  createTag,
  deleteTag,
  getTag,
  listTags,
  setTagsByName,
  slugify,
  tagsForContacts,
  unsetAllTags,
  unsetTags,
  updateTag,
} from '../server/store/tags.js';
import {
  createNote,
  deleteNote,
  getNote,
  latestNotesForContacts,
  listNotes,
  listNotesForContact,
  updateNote,
} from '../server/store/notes.js';
import { listAuditLogs, listAuditLogsForContact } from '../server/store/auditLogs.js';
import { addContactField, contactFieldsForContacts } from '../server/store/contactFields.js';
import { listContactFieldTypes } from '../server/store/contactFieldTypes.js';
import { listGenders } from '../server/store/genders.js';
import { pageWindow, parseSort } from '../server/store/pagination.js';
import { ensureDemoData } from '../server/seed/demo.js';
import { dateToTimestamp, fixedClock, formatTimestamp, specialDate } from '../server/present/dates.js';
import { presentContact, presentContacts, presentListedContacts, presentContactSummary, loadContactRelated } from '../server/present/contacts.js';
import { presentNote, presentNotes } from '../server/present/notes.js';
import { presentTag } from '../server/present/tags.js';
import { presentAuditLog } from '../server/present/auditLogs.js';
import { presentDeleted } from '../server/present/deleted.js';
import { countRowsPerContact, statisticsForContacts } from '../server/store/statistics.js';
import { createReminder as storeCreateReminder } from '../server/store/reminders.js';
import { createTask as storeCreateTask } from '../server/store/tasks.js';
import { NOW, person, world } from './helpers/storeWorld.js';

const LATER = '2024-06-16T08:00:00Z';
const ctx = { baseUrl: 'http://localhost:8080/api' };
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const page = { limit: 100, offset: 0 };

/** Walks a presented object and fails on `undefined` values. */
function assertNoUndefined(value: unknown, path = '$'): void {
  expect(value, path).not.toBeUndefined();
  if (Array.isArray(value)) value.forEach((v, i) => assertNoUndefined(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertNoUndefined(v, `${path}.${k}`);
  }
}

describe('database', () => {
  it('applies migrations and passes integrity checks', () => {
    const { db } = world();
    expect(schemaVersion(db)).toBe(Math.max(...migrations.map((m) => m.version)));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'users', 'api_tokens', 'genders', 'contact_field_types', 'contacts',
        'contact_fields', 'tags', 'contact_tag', 'notes', 'audit_logs']),
    );
  });

  it('seeds the reference data of a fresh account', () => {
    const { db, a } = world();
    expect(listGenders(db, a).map((g) => [g.name, g.type])).toEqual([
      ['Man', 'M'],
      ['Woman', 'F'],
      ['Rather not say', 'O'],
    ]);
    const types = listContactFieldTypes(db, a);
    expect(types.map((t) => t.name)).toEqual(['Email', 'Phone', 'Facebook', 'Twitter', 'Whatsapp', 'Telegram', 'LinkedIn']);
    expect(types.find((t) => t.name === 'Email')).toMatchObject({ protocol: 'mailto:', type: 'email', delible: 0 });
    expect(types.find((t) => t.name === 'Twitter')).toMatchObject({ delible: 1 });
  });

  it('paginates', () => {
    expect(pageWindow(1, 15)).toEqual({ limit: 15, offset: 0 });
    expect(pageWindow(3, 10)).toEqual({ limit: 10, offset: 20 });
    expect(pageWindow(0, 10)).toEqual({ limit: 10, offset: 0 });
    expect(parseSort('-updated_at', ['created_at', 'updated_at'])).toEqual({ column: 'updated_at', direction: 'desc' });
    expect(parseSort('called_at', ['created_at', 'updated_at'] as const)).toBeUndefined();
  });
});

describe('tokens', () => {
  it('finds the account for a valid token and nothing for a wrong one', () => {
    const { db, a, userA } = world();
    const token = issueToken(db, a, userA, 'test', NOW);
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    expect(findAccountByToken(db, token)).toEqual({ accountId: a, userId: userA, userName: 'Jane Doe' });
    expect(findAccountByToken(db, `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`)).toBeUndefined();
    expect(findAccountByToken(db, '')).toBeUndefined();
    expect(findAccountByToken(db, hashToken(token))).toBeUndefined();
    const stored = db.prepare<[], { token_hash: string }>('SELECT token_hash FROM api_tokens').all();
    expect(stored.map((r) => r.token_hash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses to issue a token for a user of another account', () => {
    const { db, a, userB } = world();
    expect(() => issueToken(db, a, userB, 'x', NOW)).toThrow();
  });
});

describe('account isolation', () => {
  it("hides another account's rows from every read and write", () => {
    const { db, a, b } = world();
    const mine = createContact(db, a, person('Alice', { email: 'alice@example.com' }), NOW);
    const tag = createTag(db, a, { name: 'friends' }, NOW);
    setTagsByName(db, a, mine.id, ['friends'], NOW);
    const note = createNote(db, a, { contact_id: mine.id, body: 'hello' }, NOW)!;

    expect(getContact(db, b, mine.id)).toBeUndefined();
    expect(getContactsByIds(db, b, [mine.id]).size).toBe(0);
    expect(listContacts(db, b, page)).toEqual({ rows: [], total: 0 });
    expect(searchContacts(db, b, 'Alice', page).total).toBe(0);
    expect(searchContacts(db, b, 'Email:alice', page).total).toBe(0);
    expect(updateContact(db, b, mine.id, person('Mallory'), LATER)).toBeUndefined();
    expect(updateContactWork(db, b, mine.id, { job: 'spy' }, LATER)).toBeUndefined();
    expect(emailInUse(db, b, 'alice@example.com')).toBe(false);
    expect(countsForContacts(db, b, [mine.id]).get(mine.id)!.number_of_notes).toBe(0);

    expect(getTag(db, b, tag.id)).toBeUndefined();
    expect(listTags(db, b, page).total).toBe(0);
    expect(updateTag(db, b, tag.id, { name: 'x' }, LATER)).toBeUndefined();
    expect(listContactsForTag(db, b, tag.id, page).total).toBe(0);
    expect(tagsForContacts(db, b, [mine.id]).get(mine.id)).toEqual([]);
    expect(setTagsByName(db, b, mine.id, ['evil'], LATER)).toBe(false);
    expect(unsetTags(db, b, mine.id, [tag.id])).toEqual({ unknownTagId: tag.id });
    expect(unsetAllTags(db, b, mine.id)).toBe(0);
    expect(deleteTag(db, b, tag.id)).toBe(false);

    expect(getNote(db, b, note.id)).toBeUndefined();
    expect(listNotes(db, b, page).total).toBe(0);
    expect(listNotesForContact(db, b, mine.id, page).total).toBe(0);
    expect(createNote(db, b, { contact_id: mine.id, body: 'x' }, LATER)).toBeUndefined();
    expect(updateNote(db, b, note.id, { contact_id: mine.id, body: 'x' }, LATER)).toBeUndefined();
    expect(latestNotesForContacts(db, b, [mine.id]).get(mine.id)).toEqual([]);
    expect(deleteNote(db, b, note.id)).toBe(false);

    expect(contactFieldsForContacts(db, b, [mine.id]).get(mine.id)).toEqual([]);
    expect(listAuditLogs(db, b, page).total).toBe(0);
    expect(listAuditLogsForContact(db, b, mine.id, page).total).toBe(0);
    expect(deleteContact(db, b, mine.id)).toBe(false);

    // Nothing changed for the owner.
    const after = getContact(db, a, mine.id)!;
    expect(after.first_name).toBe('Alice');
    expect(after.job).toBeNull();
    expect(getTag(db, a, tag.id)!.name).toBe('friends');
    expect(getNote(db, a, note.id)!.body).toBe('hello');
    expect(tagsForContacts(db, a, [mine.id]).get(mine.id)!.map((t) => t.name)).toEqual(['friends']);
  });

  it('does not let a note point at a contact of another account', () => {
    const { db, a, b } = world();
    const theirs = createContact(db, b, person('Bob'), NOW);
    const mine = createContact(db, a, person('Alice'), NOW);
    const note = createNote(db, a, { contact_id: mine.id, body: 'x' }, NOW)!;
    expect(updateNote(db, a, note.id, { contact_id: theirs.id, body: 'moved' }, LATER)).toBeUndefined();
    expect(getNote(db, a, note.id)!.contact_id).toBe(mine.id);
  });
});

describe('contacts', () => {
  it('lists real, active contacts in the requested order', () => {
    const { db, a } = world();
    const c1 = createContact(db, a, person('One'), '2024-01-01T00:00:00Z');
    const c2 = createContact(db, a, person('Two'), '2024-01-03T00:00:00Z');
    const c3 = createContact(db, a, person('Three'), '2024-01-02T00:00:00Z');
    createContact(db, a, person('Partial', { is_partial: true }), '2024-01-04T00:00:00Z');
    const archived = createContact(db, a, person('Archived'), '2024-01-05T00:00:00Z');
    db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(archived.id);

    const asc = listContacts(db, a, page);
    expect(asc.total).toBe(3);
    expect(asc.rows.map((r) => r.id)).toEqual([c1.id, c3.id, c2.id]);
    const desc = listContacts(db, a, { ...page, sort: { column: 'created_at', direction: 'desc' } });
    expect(desc.rows.map((r) => r.id)).toEqual([c2.id, c3.id, c1.id]);
    const second = listContacts(db, a, { limit: 1, offset: 1 });
    expect(second).toEqual({ rows: [expect.objectContaining({ id: c3.id })], total: 3 });
  });

  it('searches words across the searchable columns and skips partial contacts', () => {
    const { db, a } = world();
    const ann = createContact(db, a, person('Ann', { last_name: 'Smith' }), NOW);
    const bo = createContact(db, a, person('Bo', { nickname: 'Bobby' }), NOW);
    const cy = createContact(db, a, person('Cy', { description: 'met at the gym' }), NOW);
    const di = createContact(db, a, person('Di', { middle_name: 'Rosalind' }), NOW);
    const ed = createContact(db, a, person('Ed'), NOW);
    updateContactWork(db, a, ed.id, { job: 'Plumber', company: 'Acme' }, NOW);
    createContact(db, a, person('Smithy', { is_partial: true }), NOW);
    const archived = createContact(db, a, person('Archie', { last_name: 'Smith' }), NOW);
    db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(archived.id);

    const ids = (needle: string) => searchContacts(db, a, needle, page).rows.map((r) => r.id);
    expect(ids('smith')).toEqual([ann.id, archived.id]); // inactive included, partial excluded
    expect(ids('bobby')).toEqual([bo.id]);
    expect(ids('GYM')).toEqual([cy.id]);
    expect(ids('rosa')).toEqual([di.id]);
    expect(ids('plumb')).toEqual([ed.id]);
    expect(ids('acme')).toEqual([ed.id]);
    expect(ids('bobby acme')).toEqual([bo.id, ed.id]); // words are OR-ed
    expect(ids('%')).toEqual([]); // wildcards are literal
    expect(ids('_')).toEqual([]);
    expect(searchContacts(db, a, 'smith', { limit: 1, offset: 0 }).total).toBe(2);
    expect(searchContacts(db, a, '   ', page).total).toBe(listContacts(db, a, page).total);
  });

  it('searches contact fields with the Field:value form', () => {
    const { db, a } = world();
    const ann = createContact(db, a, person('Ann', { email: 'ann@example.com' }), NOW);
    const bo = createContact(db, a, person('Bo'), NOW);
    const phone = listContactFieldTypes(db, a).find((t) => t.name === 'Phone')!;
    addContactField(db, a, bo.id, phone.id, '+447007007007', NOW);
    const ids = (needle: string) => searchContacts(db, a, needle, page).rows.map((r) => r.id);
    expect(ids('email:ann')).toEqual([ann.id]);
    expect(ids('Email:example')).toEqual([]); // prefix match only
    expect(ids('Phone:+44700')).toEqual([bo.id]);
    expect(ids('Fax:1')).toEqual([]);
  });

  it('stores the email as an Email contact field and detects reuse', () => {
    const { db, a } = world();
    const ann = createContact(db, a, person('Ann', { email: ' Ann@Example.com ' }), NOW);
    const fields = contactFieldsForContacts(db, a, [ann.id]).get(ann.id)!;
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ data: 'Ann@Example.com', type_name: 'Email', type_type: 'email' });
    expect(emailInUse(db, a, 'ann@example.com')).toBe(true);
    expect(emailInUse(db, a, 'ann@example.com', ann.id)).toBe(false);
    expect(emailInUse(db, a, 'other@example.com')).toBe(false);
  });

  it('applies the birthdate and deceased rules', () => {
    const { db, a } = world();
    const exact = createContact(db, a, person('E', {
      is_birthdate_known: true, birthdate_day: 10, birthdate_month: 10, birthdate_year: 1980, birthdate_is_age_based: false,
    }), NOW);
    expect(exact).toMatchObject({ birthdate: '1980-10-10', birthdate_is_age_based: 0, birthdate_is_year_unknown: 0 });

    const noYear = createContact(db, a, person('N', { is_birthdate_known: true, birthdate_day: 3, birthdate_month: 7 }), NOW);
    expect(noYear).toMatchObject({ birthdate: '2024-07-03', birthdate_is_age_based: 0, birthdate_is_year_unknown: 1 });
    const yearZero = createContact(db, a, person('Z', {
      is_birthdate_known: true, birthdate_day: 3, birthdate_month: 7, birthdate_year: 0,
    }), NOW);
    expect(yearZero).toMatchObject({ birthdate: '2024-07-03', birthdate_is_year_unknown: 1 });

    const aged = createContact(db, a, person('A', {
      is_birthdate_known: true, birthdate_is_age_based: true, birthdate_age: 30, birthdate_day: 5, birthdate_month: 5,
    }), NOW);
    expect(aged).toMatchObject({ birthdate: '1994-01-01', birthdate_is_age_based: 1, birthdate_is_year_unknown: 0 });

    const unknown = createContact(db, a, person('U', { birthdate_day: 1, birthdate_month: 1, birthdate_year: 1990 }), NOW);
    expect(unknown).toMatchObject({ birthdate: null, birthdate_is_age_based: null, birthdate_is_year_unknown: null });

    const dead = createContact(db, a, person('D', {
      is_deceased: true, is_deceased_date_known: true, deceased_date_day: 2, deceased_date_month: 2, deceased_date_year: 2017,
    }), NOW);
    expect(dead).toMatchObject({ is_dead: 1, deceased_date: '2017-02-02', deceased_is_year_unknown: 0 });
    const deadNoYear = createContact(db, a, person('Y', {
      is_deceased: true, is_deceased_date_known: true, deceased_date_day: 2, deceased_date_month: 2,
    }), NOW);
    expect(deadNoYear).toMatchObject({ is_dead: 1, deceased_date: '2024-02-02', deceased_is_year_unknown: 1 });
    const deadNoDate = createContact(db, a, person('X', { is_deceased: true, is_deceased_date_known: false, deceased_date_day: 2 }), NOW);
    expect(deadNoDate).toMatchObject({ is_dead: 1, deceased_date: null });
    const alive = createContact(db, a, person('L', { is_deceased: false, is_deceased_date_known: true, deceased_date_day: 2, deceased_date_month: 2 }), NOW);
    expect(alive).toMatchObject({ is_dead: 0, deceased_date: null });

    // Presented as the API's special dates.
    const related = loadContactRelated(db, a, [exact, aged, unknown], { withContactFields: false });
    expect(presentContact(exact, related, ctx, { withContactFields: false }).information.dates.birthdate).toEqual({
      is_age_based: false, is_year_unknown: false, date: '1980-10-10T00:00:00Z',
    });
    expect(presentContact(aged, related, ctx, { withContactFields: false }).information.dates.birthdate).toEqual({
      is_age_based: true, is_year_unknown: false, date: '1994-01-01T00:00:00Z',
    });
    expect(presentContact(unknown, related, ctx, { withContactFields: false }).information.dates.birthdate).toEqual({
      is_age_based: null, is_year_unknown: null, date: null,
    });

    // Updating replaces the dates.
    const cleared = updateContact(db, a, exact.id, person('E'), LATER)!;
    expect(cleared).toMatchObject({ birthdate: null, is_dead: 0, updated_at: LATER, created_at: NOW });
  });

  it('updates work and writes audit logs for every change', () => {
    const { db, a, userA } = world();
    const c = createContact(db, a, person('Ann', { last_name: 'Lee' }), NOW, { userId: userA, name: 'Jane Doe' });
    updateContact(db, a, c.id, person('Annie', { last_name: 'Lee' }), LATER, { userId: userA, name: 'Jane Doe' });
    const worked = updateContactWork(db, a, c.id, { job: 'Pilot', company: null }, LATER)!;
    expect(worked).toMatchObject({ job: 'Pilot', company: null, first_name: 'Annie' });

    const logs = listAuditLogsForContact(db, a, c.id, page);
    expect(logs.total).toBe(3);
    expect(logs.rows.map((r) => r.action)).toEqual(['contact_updated', 'contact_updated', 'contact_created']);
    const created = presentAuditLog(logs.rows[2]!);
    expect(created).toEqual({
      id: logs.rows[2]!.id,
      object: 'auditlog',
      author: { id: userA, name: 'Jane Doe' },
      action: 'contact_created',
      objects: { contact_name: 'Ann Lee', contact_id: c.id },
      audited_at: NOW,
      created_at: NOW,
      updated_at: NOW,
    });
    expect(listAuditLogs(db, a, { limit: 2, offset: 0 })).toMatchObject({ total: 3 });

    // Once the author is gone the stored name remains.
    db.prepare('DELETE FROM users WHERE id = ?').run(userA);
    const orphan = presentAuditLog(listAuditLogsForContact(db, a, c.id, page).rows[2]!);
    expect(orphan.author).toEqual({ name: 'Jane Doe' });
  });

  it('deleting a contact removes its notes, fields and tag links but keeps tags and logs', () => {
    const { db, a } = world();
    const c = createContact(db, a, person('Ann', { email: 'ann@example.com' }), NOW);
    const other = createContact(db, a, person('Bo'), NOW);
    setTagsByName(db, a, c.id, ['friends', 'work'], NOW);
    setTagsByName(db, a, other.id, ['friends'], NOW);
    createNote(db, a, { contact_id: c.id, body: 'one' }, NOW);
    createNote(db, a, { contact_id: other.id, body: 'two' }, NOW);

    expect(deleteContact(db, a, c.id)).toBe(true);
    expect(getContact(db, a, c.id)).toBeUndefined();
    expect(deleteContact(db, a, c.id)).toBe(false);
    expect(listNotes(db, a, page).rows.map((n) => n.body)).toEqual(['two']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM contact_tag WHERE contact_id = ?').get(c.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM contact_fields WHERE contact_id = ?').get(c.id)).toEqual({ n: 0 });
    expect(listTags(db, a, page).total).toBe(2);
    expect(emailInUse(db, a, 'ann@example.com')).toBe(false);
    const logs = listAuditLogs(db, a, page).rows.filter((r) => JSON.parse(r.objects).contact_id === c.id);
    expect(logs).toHaveLength(1);
    expect(logs[0]!.about_contact_id).toBeNull();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('tags', () => {
  it('makes slugs', () => {
    expect(slugify('Book Club')).toBe('book-club');
    expect(slugify('  Café  Crème!! ')).toBe('cafe-creme');
    expect(slugify('Straße & Co.')).toBe('strasse-co');
    expect(slugify('--a__b--')).toBe('a-b');
  });

  it('creates, renames (recomputing the slug) and deletes tags', () => {
    const { db, a } = world();
    const t = createTag(db, a, { name: 'Book Club' }, NOW);
    expect(t).toMatchObject({ name: 'Book Club', name_slug: 'book-club', created_at: NOW });
    const renamed = updateTag(db, a, t.id, { name: 'Über Friends' }, LATER)!;
    expect(renamed).toMatchObject({ name: 'Über Friends', name_slug: 'uber-friends', updated_at: LATER, created_at: NOW });
    const c = createContact(db, a, person('Ann'), NOW);
    setTagsByName(db, a, c.id, ['Über Friends'], NOW);
    expect(deleteTag(db, a, t.id)).toBe(true);
    expect(tagsForContacts(db, a, [c.id]).get(c.id)).toEqual([]);
  });

  it('setTagsByName reuses existing tags, creates missing ones and never removes', () => {
    const { db, a } = world();
    const c = createContact(db, a, person('Ann'), NOW);
    const friends = createTag(db, a, { name: 'friends' }, NOW);
    expect(setTagsByName(db, a, c.id, ['friends', '', '  ', 'work', 'work'], NOW)).toBe(true);
    const names = () => tagsForContacts(db, a, [c.id]).get(c.id)!.map((t) => t.name).sort();
    expect(names()).toEqual(['friends', 'work']);
    expect(tagsForContacts(db, a, [c.id]).get(c.id)!.find((t) => t.name === 'friends')!.id).toBe(friends.id);
    expect(listTags(db, a, page).total).toBe(2);
    setTagsByName(db, a, c.id, ['family', 'friends'], LATER);
    expect(names()).toEqual(['family', 'friends', 'work']);
    expect(listTags(db, a, page).total).toBe(3);
    expect(setTagsByName(db, a, 99999, ['x'], NOW)).toBe(false);
    expect(listTags(db, a, page).total).toBe(3);
  });

  it('unsetTags with an unknown or foreign id changes nothing', () => {
    const { db, a, b } = world();
    const c = createContact(db, a, person('Ann'), NOW);
    setTagsByName(db, a, c.id, ['one', 'two', 'three'], NOW);
    const [one, two] = tagsForContacts(db, a, [c.id]).get(c.id)!;
    const foreign = createTag(db, b, { name: 'foreign' }, NOW);
    expect(unsetTags(db, a, c.id, [one!.id, foreign.id, 4242])).toEqual({ unknownTagId: foreign.id });
    expect(tagsForContacts(db, a, [c.id]).get(c.id)).toHaveLength(3);
    expect(unsetTags(db, a, c.id, [one!.id, two!.id])).toEqual({});
    expect(tagsForContacts(db, a, [c.id]).get(c.id)!.map((t) => t.name)).toEqual(['three']);
    expect(unsetAllTags(db, a, c.id)).toBe(1);
    expect(listTags(db, a, page).total).toBe(3); // tags themselves remain
  });

  it('lists real active contacts of a tag', () => {
    const { db, a } = world();
    const c1 = createContact(db, a, person('One'), '2024-01-02T00:00:00Z');
    const c2 = createContact(db, a, person('Two'), '2024-01-01T00:00:00Z');
    const p = createContact(db, a, person('Partial', { is_partial: true }), NOW);
    const gone = createContact(db, a, person('Gone'), NOW);
    db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(gone.id);
    for (const id of [c1.id, c2.id, p.id, gone.id]) setTagsByName(db, a, id, ['t'], NOW);
    const tagId = listTags(db, a, page).rows[0]!.id;
    const res = listContactsForTag(db, a, tagId, page);
    expect(res.total).toBe(2);
    expect(res.rows.map((r) => r.id)).toEqual([c2.id, c1.id]);
  });
});

describe('notes', () => {
  it('creates, favourites, updates, lists and deletes', () => {
    const { db, a } = world();
    const c = createContact(db, a, person('Ann'), NOW);
    const plain = createNote(db, a, { contact_id: c.id, body: 'plain' }, NOW)!;
    expect(plain).toMatchObject({ is_favorited: 0, favorited_at: null });
    const fav = createNote(db, a, { contact_id: c.id, body: 'fav', is_favorited: true }, NOW)!;
    expect(fav).toMatchObject({ is_favorited: 1, favorited_at: NOW });

    const stillFav = updateNote(db, a, fav.id, { contact_id: c.id, body: 'fav2', is_favorited: true }, LATER)!;
    expect(stillFav).toMatchObject({ body: 'fav2', favorited_at: NOW, updated_at: LATER });
    const unfav = updateNote(db, a, fav.id, { contact_id: c.id, body: 'fav3' }, LATER)!;
    expect(unfav).toMatchObject({ is_favorited: 0, favorited_at: null });
    const refav = updateNote(db, a, plain.id, { contact_id: c.id, body: 'now fav', is_favorited: true }, LATER)!;
    expect(refav).toMatchObject({ is_favorited: 1, favorited_at: LATER });

    expect(listNotes(db, a, { ...page, sort: { column: 'favorited_at', direction: 'desc' } }).rows[0]!.id).toBe(plain.id);
    expect(listNotesForContact(db, a, c.id, page).total).toBe(2);
    expect(countsForContacts(db, a, [c.id]).get(c.id)!.number_of_notes).toBe(2);
    expect(updateNote(db, a, 9999, { contact_id: c.id, body: 'x' }, LATER)).toBeUndefined();
    expect(deleteNote(db, a, plain.id)).toBe(true);
    expect(getNote(db, a, plain.id)).toBeUndefined();
  });

  it('returns the latest three notes per contact in one call', () => {
    const { db, a } = world();
    const c1 = createContact(db, a, person('One'), NOW);
    const c2 = createContact(db, a, person('Two'), NOW);
    for (let i = 1; i <= 5; i += 1) createNote(db, a, { contact_id: c1.id, body: `n${i}` }, `2024-01-0${i}T00:00:00Z`);
    createNote(db, a, { contact_id: c2.id, body: 'only' }, NOW);
    const latest = latestNotesForContacts(db, a, [c1.id, c2.id], 3);
    expect(latest.get(c1.id)!.map((n) => n.body)).toEqual(['n5', 'n4', 'n3']);
    expect(latest.get(c2.id)!.map((n) => n.body)).toEqual(['only']);
  });
});

describe('presenters', () => {
  it('formats dates', () => {
    expect(formatTimestamp(new Date('2024-06-15T10:20:30.456Z'))).toBe('2024-06-15T10:20:30Z');
    expect(dateToTimestamp('1980-10-10')).toBe('1980-10-10T00:00:00Z');
    expect(specialDate(null, 1, 0)).toEqual({ is_age_based: null, is_year_unknown: null, date: null });
    expect(specialDate('2000-01-01', 1, 0)).toEqual({ is_age_based: true, is_year_unknown: false, date: '2000-01-01T00:00:00Z' });
    expect(fixedClock(NOW)().toISOString()).toBe('2024-06-15T10:20:30.000Z');
  });

  it('presents a full contact with booleans, timestamps and related data', () => {
    const { db, a } = world();
    const woman = listGenders(db, a).find((g) => g.type === 'F')!;
    const friend = createContact(db, a, person('Bo'), NOW);
    const c = createContact(db, a, person('ann', { middle_name: 'May', last_name: 'lee', gender_id: woman.id, email: 'ann@example.com' }), NOW);
    db.prepare('UPDATE contacts SET first_met_through_contact_id = ?, is_starred = 1 WHERE id = ?').run(friend.id, c.id);
    setTagsByName(db, a, c.id, ['friends'], NOW);
    for (let i = 1; i <= 4; i += 1) createNote(db, a, { contact_id: c.id, body: `n${i}` }, `2024-01-0${i}T00:00:00Z`);
    const row = getContact(db, a, c.id)!;

    const [full] = presentListedContacts(db, a, [row], ctx, { withContactFields: true });
    assertNoUndefined(full);
    expect(full).toMatchObject({
      id: c.id,
      object: 'contact',
      first_name: 'ann',
      complete_name: 'ann May lee',
      initials: 'AL',
      gender: 'Woman',
      gender_type: 'F',
      is_starred: true,
      is_partial: false,
      is_active: true,
      is_dead: false,
      is_me: false,
      last_called: null,
      information: {
        relationships: { love: { total: 0, contacts: [] }, family: { total: 0, contacts: [] } },
        career: { job: null, company: null },
        avatar: { url: null, source: 'default' },
        how_you_met: { first_met_through_contact: { id: friend.id, object: 'contact', url: `${ctx.baseUrl}/contacts/${friend.id}` } },
      },
      addresses: [],
      tags: [{ name: 'friends', name_slug: 'friends', object: 'tag', account: { id: a } }],
      statistics: { number_of_notes: 4, number_of_calls: 0 },
      url: `${ctx.baseUrl}/contacts/${c.id}`,
      account: { id: a },
      created_at: NOW,
      updated_at: NOW,
    });
    expect(full!.hash_id).toMatch(/^h:/);
    expect(full!.hash_id).not.toBe(presentContactSummary(friend, ctx).hash_id);
    expect(full!.notes!.map((n) => n.body)).toEqual(['n4', 'n3', 'n2']);
    expect(full!.notes![0]).toMatchObject({ is_favorited: false, url: `${ctx.baseUrl}/notes/${full!.notes![0]!.id}` });
    expect(full!.contactFields).toHaveLength(1);
    expect(full!.contactFields![0]).toMatchObject({
      object: 'contactfield',
      content: 'ann@example.com',
      labels: [],
      contact_field_type: { name: 'Email', delible: false, protocol: 'mailto:', object: 'contactfieldtype' },
      contact: { id: c.id },
    });

    const plain = presentContact(row, loadContactRelated(db, a, [row], { withContactFields: false }), ctx, { withContactFields: false });
    expect(plain).not.toHaveProperty('contactFields');
    expect(plain).not.toHaveProperty('notes');

    // Every timestamp-like string has the API format.
    const json = JSON.stringify(full);
    for (const m of json.matchAll(/"(created_at|updated_at|favorited_at|date|audited_at)":"([^"]*)"/g)) {
      expect(m[2]).toMatch(TIMESTAMP);
    }
  });

  it('presents partial contacts in the reduced shape', () => {
    const { db, a } = world();
    const p = createContact(db, a, person('Pat', { is_partial: true }), NOW);
    createNote(db, a, { contact_id: p.id, body: 'x' }, NOW);
    const [shape] = presentContacts(db, a, [p], ctx, { withContactFields: true });
    assertNoUndefined(shape);
    expect(Object.keys(shape!).sort()).toEqual([
      'account', 'complete_name', 'created_at', 'description', 'first_name', 'gender', 'gender_type', 'hash_id', 'id',
      'information', 'initials', 'is_active', 'is_dead', 'is_me', 'is_partial', 'is_starred', 'last_name', 'nickname',
      'object', 'updated_at', 'uuid',
    ]);
    expect(Object.keys(shape!.information)).toEqual(['dates']);
    expect(shape!.is_partial).toBe(true);
    const summary = presentContactSummary(p, ctx);
    expect(summary).not.toHaveProperty('url');
    expect(summary.is_partial).toBe(true);
  });

  it('presents summaries, notes, tags and deletes', () => {
    const { db, a } = world();
    const c = createContact(db, a, person('Ann', { last_name: 'Lee' }), NOW);
    const summary = presentContactSummary(c, ctx);
    assertNoUndefined(summary);
    expect(Object.keys(summary)).toEqual([
      'id', 'uuid', 'object', 'hash_id', 'first_name', 'last_name', 'nickname', 'complete_name', 'initials', 'gender',
      'gender_type', 'is_starred', 'is_partial', 'is_active', 'is_dead', 'is_me', 'information', 'url', 'account',
    ]);
    expect(summary.information.deceased_date).toEqual({ is_age_based: null, is_year_unknown: null, date: null });
    expect(summary.information.avatar.default_avatar_color).toMatch(/^#[0-9a-f]{6}$/);

    const note = createNote(db, a, { contact_id: c.id, body: 'hi', is_favorited: true }, NOW)!;
    const presented = presentNote(note, c, ctx);
    assertNoUndefined(presented);
    expect(presented).toMatchObject({
      object: 'note', is_favorited: true, favorited_at: NOW, url: `${ctx.baseUrl}/notes/${note.id}`, contact: { id: c.id },
    });
    expect(presentNotes(db, a, [note], ctx)).toEqual([presented]);

    const tag = presentTag(createTag(db, a, { name: 'Work' }, NOW));
    expect(tag).toEqual({ id: tag.id, object: 'tag', name: 'Work', name_slug: 'work', account: { id: a }, created_at: NOW, updated_at: NOW });
    expect(presentDeleted(7)).toEqual({ deleted: true, id: 7 });
  });
});

describe('demo seed', () => {
  const clock = fixedClock('2025-03-01T12:00:00Z');

  it('creates both accounts with working tokens, then issues new ones', () => {
    const db = openDatabase(':memory:');
    const first = ensureDemoData(db, { withDemoContent: false, clock });
    expect(first.created).toBe(true);
    const demo = findAccountByToken(db, first.tokens.demo)!;
    const other = findAccountByToken(db, first.tokens.other)!;
    expect(demo.userName).toBe('Jane Doe');
    expect(other.accountId).not.toBe(demo.accountId);
    expect(listAccounts(db).map((r) => r.name)).toEqual(['Demo account', 'Other account']);
    expect(listContacts(db, demo.accountId, page).total).toBe(0);

    const again = ensureDemoData(db, { withDemoContent: true, clock });
    expect(again.created).toBe(false);
    expect(again.tokens.demo).not.toBe(first.tokens.demo);
    expect(findAccountByToken(db, again.tokens.demo)!.accountId).toBe(demo.accountId);
    expect(findAccountByToken(db, first.tokens.demo)!.accountId).toBe(demo.accountId);
    expect(listAccounts(db)).toHaveLength(2);
  });

  it('creates the same believable content every time', () => {
    const snapshot = () => {
      const db = openDatabase(':memory:');
      const { tokens } = ensureDemoData(db, { withDemoContent: true, clock });
      const demo = findAccountByToken(db, tokens.demo)!;
      const other = findAccountByToken(db, tokens.other)!;
      return { db, demo: demo.accountId, other: other.accountId };
    };
    const s1 = snapshot();
    const s2 = snapshot();
    const dump = (db: Db) =>
      db.prepare('SELECT first_name, last_name, uuid, birthdate, is_partial, is_dead, created_at FROM contacts ORDER BY id').all();
    expect(dump(s1.db)).toEqual(dump(s2.db));
    expect(s1.db.prepare('SELECT body, contact_id, is_favorited, created_at FROM notes ORDER BY id').all()).toEqual(
      s2.db.prepare('SELECT body, contact_id, is_favorited, created_at FROM notes ORDER BY id').all(),
    );

    const { db, demo, other } = s1;
    const all = db.prepare<[number], { n: number; partial: number; dead: number }>(
      'SELECT COUNT(*) AS n, SUM(is_partial) AS partial, SUM(is_dead) AS dead FROM contacts WHERE account_id = ?',
    ).get(demo)!;
    expect(all.n).toBeGreaterThanOrEqual(35);
    expect(all.partial).toBe(4);
    expect(all.dead).toBe(1);
    expect(listTags(db, demo, page).total).toBeGreaterThanOrEqual(10);
    const notes = listNotes(db, demo, page);
    expect(notes.total).toBe(60);
    expect(notes.rows.some((n) => n.is_favorited === 1)).toBe(true);
    const created = db.prepare<[number], { lo: string; hi: string }>(
      'SELECT MIN(created_at) AS lo, MAX(created_at) AS hi FROM contacts WHERE account_id = ?',
    ).get(demo)!;
    expect(created.lo < '2023-04-01').toBe(true);
    expect(created.hi <= '2025-03-01T12:00:00Z').toBe(true);
    expect(listContacts(db, other, page).total).toBe(3);
    expect(listTags(db, other, page).total).toBe(1);
    expect(listNotes(db, other, page).total).toBe(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The whole demo account presents cleanly.
    const rows = listContacts(db, demo, page).rows;
    const presented = presentContacts(db, demo, rows, ctx, { withContactFields: true });
    presented.forEach((p) => assertNoUndefined(p));
    const json = JSON.stringify(presented);
    for (const m of json.matchAll(/"(created_at|updated_at|favorited_at|date)":"([^"]*)"/g)) expect(m[2]).toMatch(TIMESTAMP);
  });
});

describe('statistics counts', () => {
  it('statistics count reminders and tasks per contact within the account, 0 when none', () => {
    const db = openDatabase(':memory:');
    const now = '2024-06-15T10:00:00Z';
    const mine = createAccount(db, { name: 'A', userFirstName: 'A', userLastName: 'A', email: 'a@example.com' }, now).accountId;
    const theirs = createAccount(db, { name: 'B', userFirstName: 'B', userLastName: 'B', email: 'b@example.com' }, now).accountId;
    const person = (accountId: number, first: string) =>
      createContact(db, accountId, { first_name: first, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }, now).id;
    const [x, y, z] = [person(mine, 'X'), person(mine, 'Y'), person(theirs, 'Z')];
    const reminder = (accountId: number, contactId: number) =>
      storeCreateReminder(db, accountId, { contact_id: contactId, title: 't', description: null, initial_date: '2024-01-01', frequency_type: 'year', frequency_number: 1, delible: true }, now);
    reminder(mine, x);
    reminder(mine, x);
    reminder(theirs, z);
    expect(reminder(mine, z)).toBeUndefined();
    storeCreateTask(db, mine, { contact_id: y, title: 't', description: null }, now);
    storeCreateTask(db, mine, { contact_id: null, title: 't', description: null }, now);
    storeCreateTask(db, theirs, { contact_id: z, title: 't', description: null }, now);

    const stats = statisticsForContacts(db, mine, [x, y, z]);
    expect([x, y, z].map((id) => stats.get(id)!.number_of_reminders)).toEqual([2, 0, 0]);
    expect([x, y, z].map((id) => stats.get(id)!.number_of_tasks)).toEqual([0, 1, 0]);
    expect(statisticsForContacts(db, theirs, [z]).get(z)!.number_of_reminders).toBe(1);
    expect(countRowsPerContact(db, 'tasks', mine, []).size).toBe(0);
    db.close();
  });
});
