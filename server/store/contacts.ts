/**
 * Contacts: listing, search, reads and writes. Every statement is scoped to
 * one account; a contact of another account behaves exactly like a missing
 * one. Every write is one transaction that also records an audit log line.
 */
import { randomUUID } from 'node:crypto';
import type { ContactStatistics as GeneratedContactStatistics } from '../../generated/client/types.gen.js';
import { recordAuditLog, resolveActor, type Actor } from './auditLogs.js';
import { idList, stmt, unicodeFold, unicodeLower, type Db } from './db.js';
import { limitOffset, orderClause, type Page, type PageOptions } from './pagination.js';
import { createReminder, deleteReminder } from './reminders.js';
import { cleanText, trimInput } from '../text.js';

/** A contact row as stored, plus its gender's name and type. */
export interface ContactRow {
  id: number;
  account_id: number;
  uuid: string | null;
  first_name: string;
  middle_name: string | null;
  last_name: string | null;
  nickname: string | null;
  description: string | null;
  gender_id: number | null;
  is_partial: number;
  is_starred: number;
  is_active: number;
  is_dead: number;
  is_me: number;
  birthdate: string | null;
  birthdate_is_age_based: number | null;
  birthdate_is_year_unknown: number | null;
  deceased_date: string | null;
  deceased_is_age_based: number | null;
  deceased_is_year_unknown: number | null;
  first_met_date: string | null;
  first_met_is_age_based: number | null;
  first_met_is_year_unknown: number | null;
  first_met_general_information: string | null;
  first_met_through_contact_id: number | null;
  first_met_where: string | null;
  /** The yearly reminder `PUT /contacts/{id}/introduction` added, removed by the next such call. */
  first_met_reminder_id: number | null;
  job: string | null;
  company: string | null;
  food_preferences: string | null;
  stay_in_touch_frequency: number | null;
  stay_in_touch_trigger_date: string | null;
  last_talked_to: string | null;
  last_activity_together: string | null;
  avatar_source: string;
  /** For a photo avatar, the photo's stored file name (the presenter makes it a URL). */
  avatar_url: string | null;
  avatar_photo_id: number | null;
  default_avatar_color: string;
  created_at: string | null;
  updated_at: string | null;
  /** From the joined gender (null when the contact has none). */
  gender_name: string | null;
  gender_type: string | null;
}

/**
 * Values for creating or replacing a contact, already validated and converted
 * to plain types by the caller. The birthdate and deceased fields follow the
 * API's request fields; `resolveBirthdate`/`resolveDeceased` turn them into
 * stored columns.
 */
export interface ContactInput {
  first_name: string;
  middle_name?: string | null;
  last_name?: string | null;
  nickname?: string | null;
  description?: string | null;
  gender_id?: number | null;
  /** Absent or null means false (an update replaces the whole contact). */
  is_partial?: boolean | null;
  is_birthdate_known: boolean;
  birthdate_day?: number | null;
  birthdate_month?: number | null;
  birthdate_year?: number | null;
  birthdate_is_age_based?: boolean | null;
  birthdate_age?: number | null;
  is_deceased?: boolean | null;
  is_deceased_date_known: boolean;
  deceased_date_day?: number | null;
  deceased_date_month?: number | null;
  deceased_date_year?: number | null;
  /** Create only: used when it is a valid UUID, else one is generated. */
  uuid?: string | null;
  /** Create only: stored as a contact field of the account's Email type. */
  email?: string | null;
}

export interface WorkInput {
  job?: string | null;
  company?: string | null;
}

export type ContactStatistics = GeneratedContactStatistics;

/** A special date as stored: calendar date plus two flags (all null when unknown). */
export interface StoredSpecialDate {
  date: string | null;
  is_age_based: 0 | 1 | null;
  is_year_unknown: 0 | 1 | null;
}

const SELECT = `
  SELECT c.*, g.name AS gender_name, g.type AS gender_type
    FROM contacts c
    LEFT JOIN genders g ON g.id = c.gender_id AND g.account_id = c.account_id`;

/** Colours Monica picks from for the default avatar. */
const AVATAR_COLORS = ['#fdb660', '#93521e', '#bd5067', '#b3d5fe', '#ff9807', '#709512', '#5f479a', '#e5e5cd'];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------
// Special dates

const UNKNOWN: StoredSpecialDate = { date: null, is_age_based: null, is_year_unknown: null };

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Builds `YYYY-MM-DD`, rolling over out-of-range days like Carbon does. */
function calendarDate(year: number, month: number, day: number): string {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const y = d.getUTCFullYear();
  const yyyy = y < 0 ? `-${String(-y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${yyyy}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function yearOf(now: string): number {
  return Number.parseInt(now.slice(0, 4), 10);
}

/** An exact date from day, month and optional year; a missing or 0 year means "year unknown". */
function exactDate(day: unknown, month: unknown, year: unknown, now: string): StoredSpecialDate {
  if (!isInt(day) || !isInt(month)) return UNKNOWN;
  if (!isInt(year) || year === 0) {
    return { date: calendarDate(yearOf(now), month, day), is_age_based: 0, is_year_unknown: 1 };
  }
  return { date: calendarDate(year, month, day), is_age_based: 0, is_year_unknown: 0 };
}

/** The API's fields of a special date (birthdate, first met date): day, month and optional year, or an age. */
export interface SpecialDateParts {
  day?: number | null;
  month?: number | null;
  year?: number | null;
  age?: number | null;
}

/**
 * Special date rules: unknown gives no date; age based gives January 1st of
 * (current year - age); otherwise day and month with an optional year.
 */
export function resolveSpecialDate(known: boolean, ageBased: boolean, parts: SpecialDateParts, now: string): StoredSpecialDate {
  if (!known) return UNKNOWN;
  if (ageBased) {
    if (!isInt(parts.age)) return UNKNOWN;
    return { date: calendarDate(yearOf(now) - parts.age, 1, 1), is_age_based: 1, is_year_unknown: 0 };
  }
  return exactDate(parts.day, parts.month, parts.year, now);
}

export function resolveBirthdate(input: ContactInput, now: string): StoredSpecialDate {
  return resolveSpecialDate(input.is_birthdate_known, input.birthdate_is_age_based === true, {
    day: input.birthdate_day,
    month: input.birthdate_month,
    year: input.birthdate_year,
    age: input.birthdate_age,
  }, now);
}

/** Deceased rules: not deceased gives no date; a known date uses day, month and optional year. */
export function resolveDeceased(input: ContactInput, now: string): { isDead: boolean } & StoredSpecialDate {
  if (!input.is_deceased) return { isDead: false, ...UNKNOWN };
  if (!input.is_deceased_date_known) return { isDead: true, ...UNKNOWN };
  return {
    isDead: true,
    ...exactDate(input.deceased_date_day, input.deceased_date_month, input.deceased_date_year, now),
  };
}

// ---------------------------------------------------------------------------
// Names

/** "first middle last", ignoring empty parts. */
export function completeName(row: Pick<ContactRow, 'first_name' | 'middle_name' | 'last_name'>): string {
  return [row.first_name, row.middle_name, row.last_name]
    .map((part) => trimInput(part ?? ''))
    .filter((part) => part.length > 0)
    .join(' ');
}


function avatarColorFor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return AVATAR_COLORS[h % AVATAR_COLORS.length]!;
}

// ---------------------------------------------------------------------------
// Reads

export function getContact(db: Db, accountId: number, id: number): ContactRow | undefined {
  return stmt<ContactRow>(db, `${SELECT} WHERE c.account_id = ? AND c.id = ?`).get(accountId, id);
}

/** Several contacts of the account by id, in one query. Unknown ids are absent from the map. */
export function getContactsByIds(db: Db, accountId: number, ids: Iterable<number>): Map<number, ContactRow> {
  const list = idList(ids);
  const out = new Map<number, ContactRow>();
  if (list === '[]') return out;
  const rows = stmt<ContactRow>(
    db,
    // The unary + here and in the counts below: without it SQLite walks every row of the account to find a few ids.
    `${SELECT} WHERE +c.account_id = ? AND c.id IN (SELECT value FROM json_each(?))`,
  ).all(accountId, list);
  for (const row of rows) out.set(row.id, row);
  return out;
}

/** Real (non-partial), active contacts of the account. */
export function listContacts(db: Db, accountId: number, opts: PageOptions): Page<ContactRow> {
  const [limit, offset] = limitOffset(opts);
  const order = orderClause(opts.sort, 'c.');
  const rows = stmt<ContactRow>(
    db,
    `${SELECT} WHERE c.account_id = ? AND c.is_partial = 0 AND c.is_active = 1 ${order} LIMIT ? OFFSET ?`,
  ).all(accountId, limit, offset);
  // Kept in step by triggers (migration 9): counting the rows would walk every contact of the account.
  const total = stmt<{ n: number }>(db, 'SELECT listed AS n FROM contact_list_counts WHERE account_id = ?').get(accountId)?.n ?? 0;
  return { rows, total };
}

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

// `contacts_search` holds each contact's searched columns (names, nickname, description, job, company) folded
// by unicode_fold and joined by newlines (migration 9); words are folded the same way, so case and accents never
// matter. A contact matches when its text holds any of the words.
const ANY_WORD = `EXISTS (SELECT 1 FROM json_each(?) w WHERE s.folded LIKE '%' || w.value || '%' ESCAPE '\\')`;
// With words of 3 characters or more, the trigram index (MATCH) picks the few candidate rows first.
const SEARCH_INDEXED = `c.id IN (SELECT s.rowid FROM contacts_search s WHERE contacts_search MATCH ? AND ${ANY_WORD})`;
const SEARCH_SCAN = `c.id IN (SELECT s.rowid FROM contacts_search s WHERE ${ANY_WORD})`;
const FIELD_SEARCH_RE = /^(.+?):(.+)$/s;

/**
 * Searches real contacts (inactive ones included). A needle of the form
 * `Field:value` matches contacts having a contact field whose type is named
 * `Field` (case-insensitive) and whose data starts with `value`. Any other
 * needle is split on whitespace and each word is looked for anywhere in the
 * name columns, nickname, description, job and company (words are OR-ed).
 * A blank needle falls back to `listContacts`.
 */
export function searchContacts(db: Db, accountId: number, needle: string, opts: PageOptions): Page<ContactRow> {
  const trimmed = trimInput(needle);
  const [limit, offset] = limitOffset(opts);
  const order = orderClause(opts.sort, 'c.');

  const field = FIELD_SEARCH_RE.exec(trimmed);
  if (field) {
    const typeName = trimInput(field[1]!);
    const prefix = `${escapeLike(unicodeLower(trimInput(field[2]!)))}%`;
    const where = `c.account_id = ? AND c.is_partial = 0 AND EXISTS (
        SELECT 1 FROM contact_fields f
          JOIN contact_field_types t ON t.id = f.contact_field_type_id AND t.account_id = f.account_id
         WHERE f.account_id = c.account_id AND f.contact_id = c.id
           AND unicode_lower(t.name) = unicode_lower(?) AND unicode_lower(f.data) LIKE ? ESCAPE '\\')`;
    const rows = stmt<ContactRow>(db, `${SELECT} WHERE ${where} ${order} LIMIT ? OFFSET ?`).all(
      accountId,
      typeName,
      prefix,
      limit,
      offset,
    );
    const total = stmt<{ n: number }>(db, `SELECT COUNT(*) AS n FROM contacts c WHERE ${where}`).get(
      accountId,
      typeName,
      prefix,
    )!.n;
    return { rows, total };
  }

  // NUL separates words too: SQLite reads MATCH and LIKE patterns as C strings, which end at the first NUL.
  const words = [...new Set(trimmed.split(/[\s\u0000]+/).filter((w) => w.length > 0))];
  if (words.length === 0) return listContacts(db, accountId, opts);
  const folded = words.map(unicodeFold);
  const patterns = JSON.stringify(folded.map(escapeLike));
  // The trigram index knows no shorter word: one short word means reading the folded text of every row.
  const indexed = folded.every((w) => [...w].length >= 3);
  // The unary + keeps SQLite from walking the account's whole index: the matches drive the query instead.
  const where = `+c.account_id = ? AND +c.is_partial = 0 AND ${indexed ? SEARCH_INDEXED : SEARCH_SCAN}`;
  const params = indexed ? [accountId, folded.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR '), patterns] : [accountId, patterns];
  const rows = stmt<ContactRow>(db, `${SELECT} WHERE ${where} ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset);
  const total = stmt<{ n: number }>(db, `SELECT COUNT(*) AS n FROM contacts c WHERE ${where}`).get(...params)!.n;
  return { rows, total };
}

/** Real, active contacts carrying the tag, oldest first. */
export function listContactsForTag(
  db: Db,
  accountId: number,
  tagId: number,
  opts: { limit: number; offset: number },
): Page<ContactRow> {
  const [limit, offset] = limitOffset(opts);
  const where = `c.account_id = ? AND c.is_partial = 0 AND c.is_active = 1
      AND EXISTS (SELECT 1 FROM contact_tag ct
                   WHERE ct.account_id = c.account_id AND ct.contact_id = c.id AND ct.tag_id = ?)`;
  const rows = stmt<ContactRow>(
    db,
    `${SELECT} WHERE ${where} ORDER BY c.created_at ASC, c.id ASC LIMIT ? OFFSET ?`,
  ).all(accountId, tagId, limit, offset);
  const total = stmt<{ n: number }>(db, `SELECT COUNT(*) AS n FROM contacts c WHERE ${where}`).get(
    accountId,
    tagId,
  )!.n;
  return { rows, total };
}

/** The account's contact field type used for e-mail addresses. */
export function emailFieldTypeId(db: Db, accountId: number): number | undefined {
  const row = stmt<{ id: number }>(
    db,
    `SELECT id FROM contact_field_types
      WHERE account_id = ? AND (type = 'email' OR lower(name) = 'email')
      ORDER BY (type = 'email') DESC, id LIMIT 1`,
  ).get(accountId);
  return row?.id;
}

/** Whether another contact of the account already has this e-mail address (case-insensitive). */
export function emailInUse(db: Db, accountId: number, email: string, exceptContactId?: number): boolean {
  const typeId = emailFieldTypeId(db, accountId);
  if (typeId === undefined) return false;
  const row = stmt<{ found: number }>(
    db,
    `SELECT 1 AS found FROM contact_fields
      WHERE account_id = ? AND contact_field_type_id = ? AND unicode_lower(data) = unicode_lower(?)
        AND contact_id IS NOT ?
      LIMIT 1`,
  ).get(accountId, typeId, trimInput(email), exceptContactId ?? null);
  return row !== undefined;
}

/**
 * Statistics per contact. This module counts notes; `statistics.ts` adds the
 * counters of the other kinds of object, each from its own store.
 */
export function emptyStatistics(): ContactStatistics {
  return {
    number_of_calls: 0,
    number_of_notes: 0,
    number_of_activities: 0,
    number_of_reminders: 0,
    number_of_tasks: 0,
    number_of_gifts: 0,
    number_of_debts: 0,
  };
}

export function countsForContacts(db: Db, accountId: number, ids: Iterable<number>): Map<number, ContactStatistics> {
  const list = idList(ids);
  const out = new Map<number, ContactStatistics>();
  for (const id of JSON.parse(list) as number[]) out.set(id, emptyStatistics());
  if (out.size === 0) return out;
  const noteCounts = stmt<{ contact_id: number; n: number }>(
    db,
    `SELECT contact_id, COUNT(*) AS n FROM notes
      WHERE +account_id = ? AND contact_id IN (SELECT value FROM json_each(?))
      GROUP BY contact_id`,
  ).all(accountId, list);
  for (const { contact_id, n } of noteCounts) out.get(contact_id)!.number_of_notes = n;
  return out;
}

// ---------------------------------------------------------------------------
// Writes

function auditContact(db: Db, accountId: number, contactId: number, action: string, now: string, actor?: Actor): void {
  const row = getContact(db, accountId, contactId)!;
  recordAuditLog(
    db,
    accountId,
    {
      actor: resolveActor(db, accountId, actor),
      aboutContactId: contactId,
      action,
      objects: { contact_name: completeName(row), contact_id: contactId },
    },
    now,
  );
}

/** Creates a contact (and its e-mail contact field) and returns the stored row. */
export function createContact(db: Db, accountId: number, input: ContactInput, now: string, actor?: Actor): ContactRow {
  return db.transaction(() => {
    const uuid = input.uuid && UUID_RE.test(input.uuid) ? input.uuid.toLowerCase() : randomUUID();
    const birth = resolveBirthdate(input, now);
    const death = resolveDeceased(input, now);
    const result = stmt(
      db,
      `INSERT INTO contacts (
         account_id, uuid, first_name, middle_name, last_name, nickname, description, gender_id,
         is_partial, is_dead,
         birthdate, birthdate_is_age_based, birthdate_is_year_unknown,
         deceased_date, deceased_is_age_based, deceased_is_year_unknown,
         default_avatar_color, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      accountId,
      uuid,
      trimInput(input.first_name),
      cleanText(input.middle_name),
      cleanText(input.last_name),
      cleanText(input.nickname),
      cleanText(input.description),
      input.gender_id ?? null,
      input.is_partial ? 1 : 0,
      death.isDead ? 1 : 0,
      birth.date,
      birth.is_age_based,
      birth.is_year_unknown,
      death.date,
      death.is_age_based,
      death.is_year_unknown,
      avatarColorFor(uuid),
      now,
      now,
    );
    const id = Number(result.lastInsertRowid);

    const email = cleanText(input.email);
    if (email !== null) {
      const typeId = emailFieldTypeId(db, accountId);
      if (typeId !== undefined) {
        stmt(
          db,
          `INSERT INTO contact_fields (account_id, uuid, contact_id, contact_field_type_id, data, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(accountId, randomUUID(), id, typeId, email, now, now);
      }
    }

    auditContact(db, accountId, id, 'contact_created', now, actor);
    return getContact(db, accountId, id)!;
  })();
}

/**
 * Replaces a contact's identity fields, birthdate and deceased information
 * (the whole set is replaced: absent optional fields become null, an absent
 * `is_partial` becomes false). Job, company and other details are kept.
 * Returns undefined when the contact is not in the account.
 */
export function updateContact(
  db: Db,
  accountId: number,
  id: number,
  input: ContactInput,
  now: string,
  actor?: Actor,
): ContactRow | undefined {
  return db.transaction(() => {
    const birth = resolveBirthdate(input, now);
    const death = resolveDeceased(input, now);
    const result = stmt(
      db,
      `UPDATE contacts SET
         first_name = ?, middle_name = ?, last_name = ?, nickname = ?, description = ?, gender_id = ?,
         is_partial = ?, is_dead = ?,
         birthdate = ?, birthdate_is_age_based = ?, birthdate_is_year_unknown = ?,
         deceased_date = ?, deceased_is_age_based = ?, deceased_is_year_unknown = ?,
         updated_at = ?
       WHERE account_id = ? AND id = ?`,
    ).run(
      trimInput(input.first_name),
      cleanText(input.middle_name),
      cleanText(input.last_name),
      cleanText(input.nickname),
      cleanText(input.description),
      input.gender_id ?? null,
      input.is_partial ? 1 : 0,
      death.isDead ? 1 : 0,
      birth.date,
      birth.is_age_based,
      birth.is_year_unknown,
      death.date,
      death.is_age_based,
      death.is_year_unknown,
      now,
      accountId,
      id,
    );
    if (result.changes === 0) return undefined;
    auditContact(db, accountId, id, 'contact_updated', now, actor);
    return getContact(db, accountId, id)!;
  })();
}

/** Sets job and company (absent values become null). */
export function updateContactWork(
  db: Db,
  accountId: number,
  id: number,
  input: WorkInput,
  now: string,
  actor?: Actor,
): ContactRow | undefined {
  return db.transaction(() => {
    const result = stmt(
      db,
      'UPDATE contacts SET job = ?, company = ?, updated_at = ? WHERE account_id = ? AND id = ?',
    ).run(cleanText(input.job), cleanText(input.company), now, accountId, id);
    if (result.changes === 0) return undefined;
    auditContact(db, accountId, id, 'contact_updated', now, actor);
    return getContact(db, accountId, id)!;
  })();
}

/** Sets (or, with null, clears) the contact's food preferences. */
export function updateContactFood(db: Db, accountId: number, id: number, food: string | null, now: string): ContactRow | undefined {
  const result = stmt(db, 'UPDATE contacts SET food_preferences = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(food, now, accountId, id);
  return result.changes === 0 ? undefined : getContact(db, accountId, id);
}

/** How the user met a contact, as `PUT /contacts/{id}/introduction` replaces it. */
export interface IntroductionInput {
  met_through_contact_id: number | null;
  general_information: string | null;
  where: string | null;
  first_met: StoredSpecialDate;
  /** Adds a yearly reminder on the day they met (an exact day only). */
  add_reminder: boolean;
}

/** Monica's title for the reminder of the day the user met a contact. */
export const INTRODUCTION_REMINDER_TITLE = 'Anniversary of the day you first met';

/**
 * Replaces how the user met the contact. The reminder an earlier call added goes first; with `add_reminder` and an
 * exact day, a new yearly reminder is added (not deletable, as Monica's) and remembered.
 */
export function updateContactIntroduction(db: Db, accountId: number, id: number, input: IntroductionInput, now: string): ContactRow | undefined {
  return db.transaction(() => {
    const existing = getContact(db, accountId, id);
    if (!existing) return undefined;
    if (existing.first_met_reminder_id !== null) deleteReminder(db, accountId, existing.first_met_reminder_id);
    const { first_met: date } = input;
    const reminder =
      input.add_reminder && date.date !== null && date.is_age_based === 0
        ? createReminder(
            db,
            accountId,
            { contact_id: id, title: INTRODUCTION_REMINDER_TITLE, description: null, initial_date: date.date, frequency_type: 'year', frequency_number: 1, delible: false },
            now,
          )
        : undefined;
    const reminderId = reminder?.id ?? null;
    stmt(
      db,
      `UPDATE contacts SET first_met_through_contact_id = ?, first_met_general_information = ?, first_met_where = ?,
              first_met_date = ?, first_met_is_age_based = ?, first_met_is_year_unknown = ?, first_met_reminder_id = ?,
              updated_at = ?
        WHERE account_id = ? AND id = ?`,
    ).run(
      input.met_through_contact_id,
      input.general_information,
      input.where,
      date.date,
      date.is_age_based,
      date.is_year_unknown,
      reminderId,
      now,
      accountId,
      id,
    );
    return getContact(db, accountId, id);
  })();
}

/** Where the contact's picture comes from: a source, its URL (a photo's stored file name) and the photo, if any. */
export interface AvatarInput {
  source: 'default' | 'adorable' | 'gravatar' | 'photo';
  url: string | null;
  photo_id: number | null;
}

export function updateContactAvatar(db: Db, accountId: number, id: number, input: AvatarInput, now: string): ContactRow | undefined {
  const result = stmt(
    db,
    'UPDATE contacts SET avatar_source = ?, avatar_url = ?, avatar_photo_id = ?, updated_at = ? WHERE account_id = ? AND id = ?',
  ).run(input.source, input.url, input.photo_id, now, accountId, id);
  return result.changes === 0 ? undefined : getContact(db, accountId, id);
}

/** The contact's first e-mail address (of the account's Email type), or null. */
export function firstEmailOf(db: Db, accountId: number, contactId: number): string | null {
  const typeId = emailFieldTypeId(db, accountId);
  if (typeId === undefined) return null;
  const row = stmt<{ data: string }>(
    db,
    `SELECT data FROM contact_fields WHERE account_id = ? AND contact_id = ? AND contact_field_type_id = ?
      ORDER BY created_at, id LIMIT 1`,
  ).get(accountId, contactId, typeId);
  return row?.data ?? null;
}

/**
 * Deletes a contact. Its notes, contact fields and tag links go with it; audit
 * log lines about it stay, detached. Returns false when it is not in the account.
 */
export function deleteContact(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM contacts WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}
