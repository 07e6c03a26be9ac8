// Contacts: list and search, read, create, replace, career, food, introduction, avatar, delete, audit logs, contacts by
// tag, the contact that represents the user, and the deprecated partners/kids calls, which are relationships made
// and removed both ways.
import { createHash } from 'node:crypto';
import type {
  Contact,
  ContactAvatar,
  ContactCreate,
  ContactFood,
  ContactIntroduction,
  ContactUpdate,
  ContactWork,
} from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { apiError, emailTaken, internalError, notFound, validationFailed } from '../http/errors.js';
import { presentAuditLog } from '../present/auditLogs.js';
import { presentContacts, presentListedContacts } from '../present/contacts.js';
import { presentDeleted } from '../present/deleted.js';
import { relationshipsForContacts } from '../present/relationships.js';
import { listAuditLogsForContact } from '../store/auditLogs.js';
import {
  createContact,
  deleteContact,
  emailInUse,
  firstEmailOf,
  getContact,
  listContacts,
  listContactsForTag as listContactsForTagInStore,
  searchContacts,
  resolveSpecialDate,
  updateContact as updateContactInStore,
  updateContactAvatar as updateContactAvatarInStore,
  updateContactFood as updateContactFoodInStore,
  updateContactIntroduction as updateContactIntroductionInStore,
  updateContactWork as updateContactWorkInStore,
  type AvatarInput,
  type ContactInput,
  type ContactRow,
} from '../store/contacts.js';
import { filesOfContact, removeStoredFiles } from '../store/files.js';
import { getGender } from '../store/genders.js';
import { getPhoto } from '../store/photos.js';
import { linkByTypeName, unlinkByTypeName } from '../store/relationships.js';
import { getTag } from '../store/tags.js';
import { setMeContact } from '../store/user.js';
import { refuseArchived } from './checks.js';
import {
  contactListHandler,
  findContactOr404,
  findingFirst,
  findOr404,
  ownedListHandler,
  pageHandler,
  presentEach,
  updateHandler,
} from './crud.js';
import { cleanText, isCalendarDay, Problems, toBool, toInt, trimInput } from './input.js';
import { actorOf, nowOf, type Handler } from './shared.js';

/** One contact in the shape its kind calls for, with related data loaded. */
export function presentOne(context: Context, row: ContactRow, withContactFields = false) {
  return presentContacts(context.db, context.caller.accountId, [row], context, { withContactFields })[0];
}

/** Kept importable from here, where the other handler files have always found it. */
export { findContactOr404 };

/** Checks a day/month/year triple; a missing or 0 year is checked against a leap year so Feb 29 passes. */
function checkDate(problems: Problems, label: string, day: number | null, month: number | null, year: number | null) {
  if (day === null || month === null) return;
  if (month < 1 || month > 12) problems.add(`The ${label} month must be between 1 and 12.`);
  else if (day < 1 || !isCalendarDay(year && year > 0 ? year : 2000, month, day)) problems.add(`The ${label} is not a valid date.`);
}

/** The rules of Monica's contact services that a JSON schema cannot state, then the conversion to plain values. */
function contactInput(context: Context, body: ContactCreate | ContactUpdate): ContactInput {
  const problems = new Problems();
  const genderId = toInt(body.gender_id);
  if (genderId !== null && !getGender(context.db, context.caller.accountId, genderId)) {
    problems.add('The selected gender id is invalid.');
  }
  const birthKnown = toBool(body.is_birthdate_known) === true;
  const ageBased = toBool(body.birthdate_is_age_based) === true;
  const birth = { day: toInt(body.birthdate_day), month: toInt(body.birthdate_month), year: toInt(body.birthdate_year) };
  const age = toInt(body.birthdate_age);
  if (birthKnown && ageBased) {
    if (age === null) problems.add('The birthdate age field is required when the birthdate is age based.');
    else if (age < 0 || age > 150) problems.add('The birthdate age must be between 0 and 150.');
  }
  if (birthKnown && !ageBased) {
    if (birth.day === null) problems.add('The birthdate day field is required when the birthdate is known.');
    if (birth.month === null) problems.add('The birthdate month field is required when the birthdate is known.');
    checkDate(problems, 'birthdate', birth.day, birth.month, birth.year);
  }
  const deceased = toBool(body.is_deceased) === true;
  const deceasedKnown = toBool(body.is_deceased_date_known) === true;
  const death = { day: toInt(body.deceased_date_day), month: toInt(body.deceased_date_month), year: toInt(body.deceased_date_year) };
  if (deceased && deceasedKnown) {
    if (death.day === null) problems.add('The deceased date day field is required when the deceased date is known.');
    if (death.month === null) problems.add('The deceased date month field is required when the deceased date is known.');
    checkDate(problems, 'deceased date', death.day, death.month, death.year);
  }
  if (problems.any) throw validationFailed(problems.messages);
  return {
    first_name: body.first_name,
    middle_name: body.middle_name ?? null,
    last_name: body.last_name ?? null,
    nickname: body.nickname ?? null,
    description: body.description ?? null,
    gender_id: genderId,
    is_partial: toBool(body.is_partial),
    is_birthdate_known: birthKnown,
    birthdate_day: birth.day,
    birthdate_month: birth.month,
    birthdate_year: birth.year,
    birthdate_is_age_based: ageBased,
    birthdate_age: age,
    is_deceased: deceased,
    is_deceased_date_known: deceasedKnown,
    deceased_date_day: death.day,
    deceased_date_month: death.month,
    deceased_date_year: death.year,
  };
}

/** The list, or the search when `query` is given (then named in `meta`); `with=contactfields` adds the fields. */
const listContactsHandler = pageHandler(
  'listContacts',
  ({ context, query }, options) => {
    const { accountId } = context.caller;
    const needle = query?.query;
    const page = needle ? searchContacts(context.db, accountId, needle, options) : listContacts(context.db, accountId, options);
    const items = presentListedContacts(context.db, accountId, page.rows, context, { withContactFields: query?.with === 'contactfields' });
    return { items, total: page.total };
  },
  ({ query }) => (query?.query ? { query: query.query } : {}),
);

const getContactHandler: Handler<'getContact'> = ({ context, path, query }) => {
  const row = findContactOr404(context, path.id);
  return { status: 200, body: { data: presentOne(context, row, query?.with === 'contactfields') } };
};

const createContactHandler: Handler<'createContact'> = ({ context, body }) => {
  const input = contactInput(context, body);
  const email = trimInput(body.email) || null;
  if (email && emailInUse(context.db, context.caller.accountId, email)) throw emailTaken();
  const row = createContact(context.db, context.caller.accountId, { ...input, email, uuid: body.uuid ?? null }, nowOf(context), actorOf(context));
  return { status: 201, body: { data: presentOne(context, row) } };
};

const updateContactHandler: Handler<'updateContact'> = ({ context, path, body }) => {
  findContactOr404(context, path.id);
  const input = contactInput(context, body);
  const row = updateContactInStore(context.db, context.caller.accountId, path.id, input, nowOf(context), actorOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

/** The contact calls answer the contact in the shape its kind calls for. */
const contacts = presentEach((row: ContactRow, context: Context) => presentOne(context, row));

/** Code 32 for a change only a real contact can take (work, food preferences, introduction, the user's contact). */
const partialContactRefused = () => validationFailed(["The contact can't be a partial contact"]);

/** A contact of the caller's (404) that is not partial (422). */
function realContactOr422(context: Context, id: number): ContactRow {
  const contact = findContactOr404(context, id);
  if (contact.is_partial) throw partialContactRefused();
  return contact;
}

function workInput(body: ContactWork | undefined, context: Context, id: number) {
  realContactOr422(context, id);
  const work = body ?? {};
  return { job: work.job ?? null, company: work.company ?? null };
}

function foodInput(body: ContactFood | undefined, context: Context, id: number): string | null {
  realContactOr422(context, id);
  return cleanText(body?.food_preferences);
}

/** The checks of Monica's introduction service a JSON schema cannot state, then the stored first met date. */
function firstMetDate(context: Context, body: ContactIntroduction) {
  const problems = new Problems();
  const known = toBool(body.is_date_known) === true;
  const ageBased = toBool(body.is_age_based) === true;
  const parts = { day: toInt(body.day), month: toInt(body.month), year: toInt(body.year), age: toInt(body.age) };
  if (known && ageBased) {
    if (parts.age === null) problems.add('The age field is required when the date is age based.');
    else if (parts.age < 0 || parts.age > 150) problems.add('The age must be between 0 and 150.');
  }
  if (known && !ageBased) {
    if (parts.day === null) problems.add('The day field is required when the date is known.');
    if (parts.month === null) problems.add('The month field is required when the date is known.');
    checkDate(problems, 'date', parts.day, parts.month, parts.year);
  }
  if (problems.any) throw validationFailed(problems.messages);
  return resolveSpecialDate(known, ageBased, parts, nowOf(context));
}

/** A real, active contact only; the contact who introduced them must be the caller's too (404). */
function introductionInput(body: ContactIntroduction, context: Context, id: number) {
  refuseArchived(realContactOr422(context, id));
  const firstMet = firstMetDate(context, body);
  const metThrough = toInt(body.met_through_contact_id);
  if (metThrough !== null) findContactOr404(context, metThrough);
  return {
    met_through_contact_id: metThrough,
    general_information: cleanText(body.general_information),
    where: cleanText(body.where),
    first_met: firstMet,
    add_reminder: toBool(body.add_reminder) === true,
  };
}

/** The avatar a body asks for: its URL (for a photo, the photo's stored file name), and the photo, checked whatever the source. */
function avatarInput(body: ContactAvatar, context: Context, contact: ContactRow): AvatarInput {
  const photoId = toInt(body.photo_id);
  if (body.source === 'photo' && photoId === null) throw validationFailed(['The photo id field is required when source is photo.']);
  const photo = photoId === null ? undefined : getPhoto(context.db, context.caller.accountId, photoId);
  if (photoId !== null && !photo) throw notFound();
  switch (body.source) {
    case 'photo':
      return { source: 'photo', url: photo!.new_filename, photo_id: photo!.id };
    case 'adorable':
      return { source: 'adorable', url: `https://api.adorable.io/avatars/200/${contact.uuid ?? contact.id}.png`, photo_id: null };
    case 'gravatar': {
      const email = firstEmailOf(context.db, context.caller.accountId, contact.id);
      const hash = email === null ? null : createHash('md5').update(email.trim().toLowerCase()).digest('hex');
      return { source: 'gravatar', url: hash === null ? null : `https://www.gravatar.com/avatar/${hash}?s=200&d=mm`, photo_id: null };
    }
    default:
      return { source: 'default', url: null, photo_id: null };
  }
}


/** Monica's answer to both calls of the user's contact. */
const ME_CONTACT_DONE: ['true'] = ['true'];

/** A partial contact cannot stand for the user (`GET /me` shows only a real one): 422. */
const setMeContactHandler: Handler<'setMeContact'> = ({ context, body }) => {
  const contact = realContactOr422(context, toInt(body.contact_id) as number);
  if (!setMeContact(context.db, context.caller.accountId, context.caller.userId, contact.id, nowOf(context))) throw notFound();
  return { status: 200, body: ME_CONTACT_DONE };
};

const unsetMeContactHandler: Handler<'unsetMeContact'> = ({ context }) => {
  setMeContact(context.db, context.caller.accountId, context.caller.userId, null, nowOf(context));
  return { status: 200, body: ME_CONTACT_DONE };
};

const deleteContactHandler: Handler<'deleteContact'> = ({ context, path }) => {
  // The rows of the contact's photos and documents go with it (cascade); their files are removed afterwards.
  const files = filesOfContact(context.db, context.caller.accountId, path.id);
  if (!deleteContact(context.db, context.caller.accountId, path.id)) throw notFound();
  removeStoredFiles(context.filesDir, files);
  return { status: 200, body: presentDeleted(path.id) };
};

const listContactLogsHandler = contactListHandler('listContactLogs', listAuditLogsForContact, presentEach(presentAuditLog).rows);

/** The tag must be the account's (404); its contacts come with their contact fields. */
const listContactsForTagHandler = ownedListHandler(
  'listContactsForTag',
  (context, id) => findOr404(context, getTag, id),
  listContactsForTagInStore,
  (rows, context) => presentListedContacts(context.db, context.caller.accountId, rows, context, { withContactFields: true }),
);

// ---------------------------------------------------------------------------
// Legacy partners and kids calls (deprecated): relationships of type partner, and child/parent

/** Code 36: only the legacy partners and kids calls send it. */
const partialContactRejected = () => apiError(36);

/** The contact as `GET /contacts/{id}` shows it, with its relationships filled in. */
function presentContactWithRelationships(context: Context, id: number) {
  const row = findContactOr404(context, id);
  const contact = presentOne(context, row);
  if (!contact.is_partial) {
    const relationships = relationshipsForContacts(context.db, context.caller.accountId, [row], context).get(row.id);
    if (relationships) (contact as Contact).information.relationships = relationships;
  }
  return contact;
}

/** Checks both contacts of a legacy call; `rejectPartial` refuses a partial contact in the path (code 36). */
function legacyPair(context: Context, id: number, otherId: unknown, rejectPartial: boolean): number {
  const contact = findContactOr404(context, id);
  const other = toInt(otherId) as number;
  findContactOr404(context, other);
  if (rejectPartial && contact.is_partial) throw partialContactRejected();
  if (other === id) throw validationFailed(['A contact cannot be linked to itself.']);
  return other;
}

function link(context: Context, contactIs: number, ofContact: number, typeName: string): void {
  const failure = linkByTypeName(context.db, context.caller.accountId, contactIs, ofContact, typeName, nowOf(context));
  if (failure) throw failure === 'contact' ? notFound() : internalError();
}

/**
 * A legacy call on the contact of the path and `otherId`: both checked, then the relationship of type `typeName`
 * made (`linking`; a partial contact in the path is refused) or removed. Answers the contact as it is then.
 */
function legacyCall(context: Context, id: number, otherId: unknown, typeName: 'partner' | 'child', linking: boolean) {
  const other = legacyPair(context, id, otherId, linking);
  if (linking) link(context, id, other, typeName);
  else unlinkByTypeName(context.db, context.caller.accountId, id, other, typeName);
  return { status: 200 as const, body: { data: presentContactWithRelationships(context, id) } };
}

const linkContactPartnerHandler: Handler<'linkContactPartner'> = ({ context, path, body }) =>
  legacyCall(context, path.id, body.partner_id, 'partner', true);

const unlinkContactPartnerHandler: Handler<'unlinkContactPartner'> = ({ context, path, body }) =>
  legacyCall(context, path.id, body.partner_id, 'partner', false);

// The child is the `child` of the contact in the path; the reverse makes the contact its `parent`.
const linkContactChildHandler: Handler<'linkContactChild'> = ({ context, path, body }) =>
  legacyCall(context, path.id, body.child_id, 'child', true);

const unlinkContactChildHandler: Handler<'unlinkContactChild'> = ({ context, path, body }) =>
  legacyCall(context, path.id, body.child_id, 'child', false);

export const contactsHandlers = {
  listContacts: listContactsHandler,
  getContact: getContactHandler,
  createContact: createContactHandler,
  updateContact: updateContactHandler,
  updateContactWork: updateHandler('updateContactWork', workInput, updateContactWorkInStore, contacts.row),
  updateContactFood: updateHandler('updateContactFood', foodInput, updateContactFoodInStore, contacts.row),
  updateContactIntroduction: updateHandler('updateContactIntroduction', introductionInput, updateContactIntroductionInStore, contacts.row),
  updateContactAvatar: updateHandler('updateContactAvatar', findingFirst(getContact, avatarInput), updateContactAvatarInStore, contacts.row),
  setMeContact: setMeContactHandler,
  unsetMeContact: unsetMeContactHandler,
  deleteContact: deleteContactHandler,
  listContactLogs: listContactLogsHandler,
  listContactsForTag: listContactsForTagHandler,
  linkContactPartner: linkContactPartnerHandler,
  unlinkContactPartner: unlinkContactPartnerHandler,
  linkContactChild: linkContactChildHandler,
  unlinkContactChild: unlinkContactChildHandler,
} satisfies Partial<Handlers<Context>>;
