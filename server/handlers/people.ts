// People around a contact: genders, companies, occupations, relationships and their (read-only) types and
// groups, and the deprecated partners/kids calls, which are relationships made and removed both ways.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { CompanyWrite, Contact, OccupationFields } from '../../generated/client/types.gen.js';
import type { Context } from '../context.js';
import { ApiError, internalError, notFound, validationFailed } from '../http/errors.js';
import { presentCompany } from '../present/company.js';
import { presentDeleted } from '../present/deleted.js';
import { presentGender } from '../present/gender.js';
import { presentOccupations } from '../present/occupation.js';
import { presentRelationships, relationshipsForContacts } from '../present/relationships.js';
import { presentRelationshipType, presentRelationshipTypeGroup } from '../present/relationshipType.js';
import { createCompany, deleteCompany, getCompany, listCompanies, updateCompany, type CompanyInput } from '../store/companies.js';
import type { ContactRow } from '../store/contacts.js';
import { createGender, deleteGender, getGender, listGendersPage, updateGender } from '../store/genders.js';
import {
  createOccupation,
  deleteOccupation,
  getOccupation,
  listOccupations,
  updateOccupation,
  type OccupationDetails,
  type OccupationRow,
} from '../store/occupations.js';
import {
  getRelationshipType,
  getRelationshipTypeGroup,
  listRelationshipTypeGroups,
  listRelationshipTypes,
} from '../store/relationshipTypes.js';
import {
  createRelationship,
  deleteRelationship,
  getRelationship,
  linkByTypeName,
  listRelationshipsOfContact,
  unlinkByTypeName,
  updateRelationshipType,
  type RelationshipFailure,
  type RelationshipResult,
  type RelationshipRow,
} from '../store/relationships.js';
import { findContactOr404, presentOne } from './contacts.js';
import { toBool, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const CREATED_UPDATED = ['created_at', 'updated_at'] as const;

// ---------------------------------------------------------------------------------------------------------
// Errors and shared checks

/** Code 36: only the legacy partners and kids calls send it. */
const partialContactRejected = () => new ApiError(422, 36, "You can't set a partner or a child to a partial contact");

const archivedContact = () => validationFailed(['The contact is archived and cannot be changed.']);

/** A failed relationship write: an id naming nothing of the account is 404; a type without its reverse is a data bug. */
function relationshipFailure(failure: RelationshipFailure): ApiError {
  return failure === 'reverse_type' ? internalError() : notFound();
}

function unwrap(result: RelationshipResult): RelationshipRow {
  if ('failure' in result) throw relationshipFailure(result.failure);
  return result.row;
}

// ---------------------------------------------------------------------------------------------------------
// Genders

const listGendersHandler: Handler<'listGenders'> = ({ context, query }) => {
  const request = pageRequest(query, CREATED_UPDATED);
  const page = listGendersPage(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentGender), page.total, request, listUrl(context, '/genders')) };
};

const getGenderHandler: Handler<'getGender'> = ({ context, path }) => {
  const row = getGender(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentGender(row) } };
};

const createGenderHandler: Handler<'createGender'> = ({ context, body }) => {
  const row = createGender(context.db, context.caller.accountId, { name: trimInput(body.name), type: body.type }, nowOf(context));
  return { status: 201, body: { data: presentGender(row) } };
};

const updateGenderHandler: Handler<'updateGender'> = ({ context, path, body }) => {
  const row = updateGender(context.db, context.caller.accountId, path.id, { name: trimInput(body.name), type: body.type }, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentGender(row) } };
};

const deleteGenderHandler: Handler<'deleteGender'> = ({ context, path }) => {
  if (!deleteGender(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

// ---------------------------------------------------------------------------------------------------------
// Companies

function companyInput(body: CompanyWrite): CompanyInput {
  return { name: trimInput(body.name), website: body.website ?? null, number_of_employees: toInt(body.number_of_employees) };
}

const listCompaniesHandler: Handler<'listCompanies'> = ({ context, query }) => {
  const request = pageRequest(query, CREATED_UPDATED);
  const page = listCompanies(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentCompany), page.total, request, listUrl(context, '/companies')) };
};

const getCompanyHandler: Handler<'getCompany'> = ({ context, path }) => {
  const row = getCompany(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentCompany(row) } };
};

const createCompanyHandler: Handler<'createCompany'> = ({ context, body }) => {
  const row = createCompany(context.db, context.caller.accountId, companyInput(body), nowOf(context));
  return { status: 201, body: { data: presentCompany(row) } };
};

const updateCompanyHandler: Handler<'updateCompany'> = ({ context, path, body }) => {
  const row = updateCompany(context.db, context.caller.accountId, path.id, companyInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentCompany(row) } };
};

const deleteCompanyHandler: Handler<'deleteCompany'> = ({ context, path }) => {
  if (!deleteCompany(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

// ---------------------------------------------------------------------------------------------------------
// Occupations

function occupationDetails(body: OccupationFields): OccupationDetails {
  return {
    title: trimInput(body.title),
    description: body.description ?? null,
    salary: toInt(body.salary),
    salary_unit: body.salary_unit ?? null,
    currently_works_here: toBool(body.currently_works_here) === true,
    start_date: body.start_date ?? null,
    end_date: body.end_date ?? null,
  };
}

/** The occupation's contact and company must be the account's (404); an archived contact cannot change (422). */
function checkOccupationRefs(context: Context, contactId: number, companyId: number): ContactRow {
  const contact = findContactOr404(context, contactId);
  if (!getCompany(context.db, context.caller.accountId, companyId)) throw notFound();
  if (!contact.is_active) throw archivedContact();
  return contact;
}

const presentOneOccupation = (context: Context, row: OccupationRow) =>
  presentOccupations(context.db, context.caller.accountId, [row], context)[0]!;

const listOccupationsHandler: Handler<'listOccupations'> = ({ context, query }) => {
  const request = pageRequest(query, CREATED_UPDATED);
  const page = listOccupations(context.db, context.caller.accountId, request.options);
  const data = presentOccupations(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/occupations')) };
};

const getOccupationHandler: Handler<'getOccupation'> = ({ context, path }) => {
  const row = getOccupation(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneOccupation(context, row) } };
};

const createOccupationHandler: Handler<'createOccupation'> = ({ context, body }) => {
  const contactId = toInt(body.contact_id) as number;
  const companyId = toInt(body.company_id) as number;
  checkOccupationRefs(context, contactId, companyId);
  const input = { ...occupationDetails(body), contact_id: contactId, company_id: companyId };
  const row = createOccupation(context.db, context.caller.accountId, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneOccupation(context, row) } };
};

const updateOccupationHandler: Handler<'updateOccupation'> = ({ context, path, body }) => {
  const existing = getOccupation(context.db, context.caller.accountId, path.id);
  if (!existing) throw notFound();
  const contactId = toInt(body.contact_id) as number;
  const companyId = toInt(body.company_id) as number;
  if (contactId !== existing.contact_id || companyId !== existing.company_id) throw notFound();
  checkOccupationRefs(context, contactId, companyId);
  const row = updateOccupation(context.db, context.caller.accountId, path.id, occupationDetails(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneOccupation(context, row) } };
};

const deleteOccupationHandler: Handler<'deleteOccupation'> = ({ context, path }) => {
  if (!deleteOccupation(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

// ---------------------------------------------------------------------------------------------------------
// Relationships

const presentOneRelationship = (context: Context, row: RelationshipRow) =>
  presentRelationships(context.db, context.caller.accountId, [row], context)[0]!;

const getRelationshipHandler: Handler<'getRelationship'> = ({ context, path }) => {
  const row = getRelationship(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneRelationship(context, row) } };
};

const listContactRelationshipsHandler: Handler<'listContactRelationships'> = ({ context, path }) => {
  findContactOr404(context, path.id);
  const rows = listRelationshipsOfContact(context.db, context.caller.accountId, path.id);
  return { status: 200, body: { data: presentRelationships(context.db, context.caller.accountId, rows, context) } };
};

const createRelationshipHandler: Handler<'createRelationship'> = ({ context, body }) => {
  const contactIs = toInt(body.contact_is) as number;
  const ofContact = toInt(body.of_contact) as number;
  const typeId = toInt(body.relationship_type_id) as number;
  findContactOr404(context, contactIs);
  findContactOr404(context, ofContact);
  if (!getRelationshipType(context.db, context.caller.accountId, typeId)) throw notFound();
  if (contactIs === ofContact) throw validationFailed(['The contact and the other contact must be different.']);
  const input = { contact_is: contactIs, of_contact: ofContact, relationship_type_id: typeId };
  const row = unwrap(createRelationship(context.db, context.caller.accountId, input, nowOf(context)));
  return { status: 201, body: { data: presentOneRelationship(context, row) } };
};

const updateRelationshipHandler: Handler<'updateRelationship'> = ({ context, path, body }) => {
  const typeId = toInt(body.relationship_type_id) as number;
  const row = unwrap(updateRelationshipType(context.db, context.caller.accountId, path.id, typeId, nowOf(context)));
  return { status: 200, body: { data: presentOneRelationship(context, row) } };
};

const deleteRelationshipHandler: Handler<'deleteRelationship'> = ({ context, path }) => {
  if (!deleteRelationship(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

// ---------------------------------------------------------------------------------------------------------
// Relationship types and groups (read-only, in a fixed order: `sort` is accepted but not applied)

const listRelationshipTypesHandler: Handler<'listRelationshipTypes'> = ({ context, query }) => {
  const request = pageRequest(query, []);
  const page = listRelationshipTypes(context.db, context.caller.accountId, request.options);
  const body = paginate(page.rows.map(presentRelationshipType), page.total, request, listUrl(context, '/relationshiptypes'));
  return { status: 200, body };
};

const getRelationshipTypeHandler: Handler<'getRelationshipType'> = ({ context, path }) => {
  const row = getRelationshipType(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentRelationshipType(row) } };
};

const listRelationshipTypeGroupsHandler: Handler<'listRelationshipTypeGroups'> = ({ context, query }) => {
  const request = pageRequest(query, []);
  const page = listRelationshipTypeGroups(context.db, context.caller.accountId, request.options);
  const body = paginate(page.rows.map(presentRelationshipTypeGroup), page.total, request, listUrl(context, '/relationshiptypegroups'));
  return { status: 200, body };
};

const getRelationshipTypeGroupHandler: Handler<'getRelationshipTypeGroup'> = ({ context, path }) => {
  const row = getRelationshipTypeGroup(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentRelationshipTypeGroup(row) } };
};

// ---------------------------------------------------------------------------------------------------------
// Legacy partners and kids calls (deprecated): relationships of type partner, and child/parent

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

const linkContactPartnerHandler: Handler<'linkContactPartner'> = ({ context, path, body }) => {
  const partner = legacyPair(context, path.id, body.partner_id, true);
  link(context, path.id, partner, 'partner');
  return { status: 200, body: { data: presentContactWithRelationships(context, path.id) } };
};

const unlinkContactPartnerHandler: Handler<'unlinkContactPartner'> = ({ context, path, body }) => {
  const partner = legacyPair(context, path.id, body.partner_id, false);
  unlinkByTypeName(context.db, context.caller.accountId, path.id, partner, 'partner');
  return { status: 200, body: { data: presentContactWithRelationships(context, path.id) } };
};

const linkContactChildHandler: Handler<'linkContactChild'> = ({ context, path, body }) => {
  const child = legacyPair(context, path.id, body.child_id, true);
  // The child is the `child` of the contact in the path; the reverse makes the contact its `parent`.
  link(context, path.id, child, 'child');
  return { status: 200, body: { data: presentContactWithRelationships(context, path.id) } };
};

const unlinkContactChildHandler: Handler<'unlinkContactChild'> = ({ context, path, body }) => {
  const child = legacyPair(context, path.id, body.child_id, false);
  unlinkByTypeName(context.db, context.caller.accountId, path.id, child, 'child');
  return { status: 200, body: { data: presentContactWithRelationships(context, path.id) } };
};

export const peopleHandlers = {
  listGenders: listGendersHandler,
  getGender: getGenderHandler,
  createGender: createGenderHandler,
  updateGender: updateGenderHandler,
  deleteGender: deleteGenderHandler,
  listCompanies: listCompaniesHandler,
  getCompany: getCompanyHandler,
  createCompany: createCompanyHandler,
  updateCompany: updateCompanyHandler,
  deleteCompany: deleteCompanyHandler,
  listOccupations: listOccupationsHandler,
  getOccupation: getOccupationHandler,
  createOccupation: createOccupationHandler,
  updateOccupation: updateOccupationHandler,
  deleteOccupation: deleteOccupationHandler,
  getRelationship: getRelationshipHandler,
  listContactRelationships: listContactRelationshipsHandler,
  createRelationship: createRelationshipHandler,
  updateRelationship: updateRelationshipHandler,
  deleteRelationship: deleteRelationshipHandler,
  listRelationshipTypes: listRelationshipTypesHandler,
  getRelationshipType: getRelationshipTypeHandler,
  listRelationshipTypeGroups: listRelationshipTypeGroupsHandler,
  getRelationshipTypeGroup: getRelationshipTypeGroupHandler,
  linkContactPartner: linkContactPartnerHandler,
  unlinkContactPartner: unlinkContactPartnerHandler,
  linkContactChild: linkContactChildHandler,
  unlinkContactChild: unlinkContactChildHandler,
} satisfies Partial<Handlers<Context>>;
