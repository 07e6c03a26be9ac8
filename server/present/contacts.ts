/**
 * Contact presenters: the full shape (`GET /contacts/{id}`), the reduced
 * shape of a partial contact, and the summary embedded elsewhere.
 *
 * `loadContactRelated` fetches everything a page of contacts needs (tags,
 * statistics, first-met-through contacts, and optionally contact fields and
 * the latest notes) with a fixed number of queries, whatever the page size.
 * Genders come joined on the contact rows themselves.
 */
import type { Address, Contact, PartialContact } from '../../generated/client/types.gen.js';
import { addressesForContacts } from './addresses.js';
import { contactFieldsForContacts, type ContactFieldRow } from '../store/contactFields.js';
import {
  emptyStatistics,
  getContactsByIds,
  type ContactRow,
  type ContactStatistics,
} from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { statisticsForContacts } from '../store/statistics.js';
import { latestNotesForContacts, type NoteRow } from '../store/notes.js';
import { tagsForContacts, type TagRow } from '../store/tags.js';
import { presentContactField } from './contactFields.js';
import {
  avatarOf,
  birthdateOf,
  contactIdentity,
  contactUrl,
  deceasedDateOf,
  presentContactSummary,
} from './contactSummary.js';
import type { PresentContext } from './context.js';
import { specialDate, toApiTimestamp, toCarbonJson } from './dates.js';
import { presentNote } from './notes.js';
import { relationshipsForContacts } from './relationships.js';
import { presentTag } from './tags.js';

export {
  contactUrl,
  hashId,
  initials,
  presentContactSummary,
  type AvatarObject,
  type ContactSummary,
} from './contactSummary.js';

export interface ContactOptions {
  /** Adds `contactFields` and the latest three `notes` (real contacts only). */
  withContactFields: boolean;
}

/** Related data for a page of contacts, keyed by contact id. */
export interface ContactRelated {
  tags: Map<number, TagRow[]>;
  statistics: Map<number, ContactStatistics>;
  /** Contacts referenced by `first_met_through_contact_id`. */
  firstMetThrough: Map<number, ContactRow>;
  /** Present when loaded with `withContactFields`. */
  contactFields?: Map<number, ContactFieldRow[]>;
  /** Present when loaded with `withContactFields`. */
  latestNotes?: Map<number, NoteRow[]>;
  /** `information.relationships` per contact (loaded by presentContacts, which knows the request's URLs). */
  relationships?: Map<number, Contact['information']['relationships']>;
  /** Addresses per contact (loaded by presentContacts too). */
  addresses?: Map<number, Address[]>;
}

export type RelationshipGroup = Contact['information']['relationships']['love'];

/** A contact as the API sends it: the full shape, or the reduced one of a partial contact. */
export type ContactObject = Contact | PartialContact;

/** Loads the related data for `rows` with a fixed number of queries. */
export function loadContactRelated(
  db: Db,
  accountId: number,
  rows: readonly ContactRow[],
  opts: ContactOptions,
): ContactRelated {
  // Partial contacts never show tags, statistics, fields or notes.
  const realIds = rows.filter((r) => !r.is_partial).map((r) => r.id);
  const metThroughIds = rows
    .filter((r) => !r.is_partial && r.first_met_through_contact_id !== null)
    .map((r) => r.first_met_through_contact_id as number);
  const related: ContactRelated = {
    tags: tagsForContacts(db, accountId, realIds),
    statistics: statisticsForContacts(db, accountId, realIds),
    firstMetThrough: getContactsByIds(db, accountId, metThroughIds),
  };
  if (opts.withContactFields) {
    related.contactFields = contactFieldsForContacts(db, accountId, realIds);
    related.latestNotes = latestNotesForContacts(db, accountId, realIds, 3);
  }
  return related;
}

function emptyRelationships(): Contact['information']['relationships'] {
  const group = (): RelationshipGroup => ({ total: 0, contacts: [] });
  return { love: group(), family: group(), friend: group(), work: group() };
}

/**
 * Presents one contact in the full shape, or the reduced shape when it is a
 * partial contact. `related` must come from `loadContactRelated` over a set
 * of rows that includes `row`.
 */
export function presentContact(
  row: ContactRow,
  related: ContactRelated,
  ctx: PresentContext,
  opts: ContactOptions,
): ContactObject {
  const { description } = row;
  const head = { ...contactIdentity(row), description };
  const dates = { birthdate: birthdateOf(row), deceased_date: deceasedDateOf(row) };
  const tail = {
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };

  if (row.is_partial) {
    const partial: PartialContact = { ...head, is_partial: true, information: { dates }, ...tail };
    return partial;
  }

  const metThrough =
    row.first_met_through_contact_id !== null ? related.firstMetThrough.get(row.first_met_through_contact_id) : undefined;

  const contact: Contact = {
    ...head,
    is_partial: false,
    last_called: toCarbonJson(row.last_talked_to),
    last_activity_together: toCarbonJson(row.last_activity_together),
    stay_in_touch_frequency: row.stay_in_touch_frequency,
    stay_in_touch_trigger_date: toApiTimestamp(row.stay_in_touch_trigger_date),
    information: {
      relationships: related.relationships?.get(row.id) ?? emptyRelationships(),
      dates,
      career: { job: row.job, company: row.company },
      avatar: avatarOf(row, ctx),
      food_preferences: row.food_preferences,
      how_you_met: {
        general_information: row.first_met_general_information,
        first_met_date: specialDate(row.first_met_date, row.first_met_is_age_based, row.first_met_is_year_unknown),
        first_met_through_contact: metThrough ? presentContactSummary(metThrough, ctx) : null,
      },
    },
    addresses: related.addresses?.get(row.id) ?? [],
    tags: (related.tags.get(row.id) ?? []).map(presentTag),
    statistics: related.statistics.get(row.id) ?? emptyStatistics(),
    url: contactUrl(ctx, row.id),
    ...tail,
  };
  if (opts.withContactFields) {
    contact.contactFields = (related.contactFields?.get(row.id) ?? []).map((f) => presentContactField(f, row, ctx));
    contact.notes = (related.latestNotes?.get(row.id) ?? []).map((n) => presentNote(n, row, ctx));
  }
  return contact;
}

/** Loads related data and presents a page of contacts. */
export function presentContacts(
  db: Db,
  accountId: number,
  rows: readonly ContactRow[],
  ctx: PresentContext,
  opts: ContactOptions,
): ContactObject[] {
  const related = loadContactRelated(db, accountId, rows, opts);
  const realRows = rows.filter((r) => !r.is_partial);
  related.relationships = relationshipsForContacts(db, accountId, realRows, ctx);
  related.addresses = addressesForContacts(db, accountId, realRows, ctx);
  return rows.map((row) => presentContact(row, related, ctx, opts));
}

/** Presents rows that lists return, which are real contacts only; a partial one here is a store bug. */
export function presentListedContacts(
  db: Db,
  accountId: number,
  rows: readonly ContactRow[],
  ctx: PresentContext,
  opts: ContactOptions,
): Contact[] {
  return presentContacts(db, accountId, rows, ctx, opts).map((c) => {
    if (c.is_partial) throw new Error(`contact ${c.id} is partial and cannot be listed`);
    return c;
  });
}
