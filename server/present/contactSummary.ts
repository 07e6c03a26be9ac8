/**
 * The short contact shape embedded in other objects (notes, contact fields,
 * how_you_met, ...). Re-exported by `contacts.ts`; kept in its own module so
 * the note and contact-field presenters can use it without an import cycle.
 */
import type { Avatar, ContactSummary as GeneratedContactSummary, GenderType } from '../../generated/client/types.gen.js';
import { completeName, type ContactRow } from '../store/contacts.js';
import { accountAndTimes, apiUrl, bool, storageUrl, type AccountRow, type PresentContext } from './context.js';
import { specialDate, type SpecialDate } from './dates.js';

/** The shapes come from the spec (generated types), so a presenter that drifts from it fails to compile. */
export type AvatarObject = Avatar;
export type ContactSummary = GeneratedContactSummary;

/**
 * A stable, opaque identifier derived from the id ("h:" + base-36 text).
 * Multiplying by an odd constant modulo 2^32 is a bijection, so distinct ids
 * below 2^32 never share a hash.
 */
export function hashId(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0 || id >= 2 ** 32) return `h:${id.toString(36)}`;
  const mixed = (Math.imul(id ^ 0x5bd1e995, 0x9e3779b1) >>> 0) ^ 0x2545f491;
  return `h:${(mixed >>> 0).toString(36).padStart(7, '0')}`;
}

/** Upper-case first letters of the first and last names. */
export function initials(row: Pick<ContactRow, 'first_name' | 'last_name'>): string {
  const first = (name: string | null): string => {
    const ch = Array.from((name ?? '').trim())[0];
    return ch ? ch.toUpperCase() : '';
  };
  return `${first(row.first_name)}${first(row.last_name)}`;
}

export function contactUrl(ctx: PresentContext, id: number): string {
  return apiUrl(ctx, `contacts/${id}`);
}

export function birthdateOf(row: ContactRow): SpecialDate {
  return specialDate(row.birthdate, row.birthdate_is_age_based, row.birthdate_is_year_unknown);
}

export function deceasedDateOf(row: ContactRow): SpecialDate {
  return specialDate(row.deceased_date, row.deceased_is_age_based, row.deceased_is_year_unknown);
}

/** A photo avatar stores its file's name; the URL is where that file is downloaded from. */
export function avatarOf(row: ContactRow, ctx: PresentContext): AvatarObject {
  return {
    url: row.avatar_source === 'photo' && row.avatar_url !== null ? storageUrl(ctx, row.avatar_url) : row.avatar_url,
    source: row.avatar_source,
    default_avatar_color: row.default_avatar_color,
  };
}

/** The fields every contact shape starts with: names, gender and flags. */
export function contactIdentity(row: ContactRow) {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'contact' as const,
    hash_id: hashId(row.id),
    first_name: row.first_name,
    last_name: row.last_name,
    nickname: row.nickname,
    complete_name: completeName(row),
    initials: initials(row),
    gender: row.gender_name,
    gender_type: row.gender_type as GenderType,
    is_starred: bool(row.is_starred),
    is_partial: bool(row.is_partial),
    is_active: bool(row.is_active),
    is_dead: bool(row.is_dead),
    is_me: bool(row.is_me),
  };
}

export function presentContactSummary(row: ContactRow, ctx: PresentContext): ContactSummary {
  return {
    ...contactIdentity(row),
    information: {
      birthdate: birthdateOf(row),
      deceased_date: deceasedDateOf(row),
      avatar: avatarOf(row, ctx),
    },
    ...(row.is_partial ? {} : { url: contactUrl(ctx, row.id) }),
    account: { id: row.account_id },
  };
}

/** The contact an object about it shows: null for a row whose contact may be gone (`undefined`: documents, photos). */
type SummaryOf<C extends ContactRow | undefined> = C extends ContactRow ? ContactSummary : ContactSummary | null;

/** The members every object about a contact ends with: its account, the contact, and its times. */
export function contactAndTimes<C extends ContactRow | undefined>(row: AccountRow, contact: C, ctx: PresentContext) {
  const { account, created_at, updated_at } = accountAndTimes(row);
  const summary = (contact ? presentContactSummary(contact, ctx) : null) as SummaryOf<C>;
  return { account, contact: summary, created_at, updated_at };
}

/** An object about a contact: its id, uuid and kind, its own members (`fields`, in their order), then `contactAndTimes`. */
export function contactObject<O extends string, F extends object, C extends ContactRow | undefined>(
  row: AccountRow & { id: number; uuid: string | null },
  object: O,
  fields: F,
  contact: C,
  ctx: PresentContext,
) {
  return { id: row.id, uuid: row.uuid, object, ...fields, ...contactAndTimes(row, contact, ctx) };
}
