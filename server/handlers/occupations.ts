// Occupations: a contact's job at a company of the same account.
import type { OccupationCreate, OccupationFields, OccupationUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentOccupations } from '../present/occupations.js';
import { getCompany } from '../store/companies.js';
import type { ContactRow } from '../store/contacts.js';
import {
  createOccupation,
  deleteOccupation,
  getOccupation,
  listOccupations,
  updateOccupation,
  type OccupationDetails,
  type OccupationInput,
} from '../store/occupations.js';
import { findContactOr404 } from './contacts.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { toBool, toInt, trimInput } from './input.js';

const occupations = presentInBatches(presentOccupations);

const archivedContact = () => validationFailed(['The contact is archived and cannot be changed.']);

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

/** The body as a new occupation; its contact and company are checked first. */
function newOccupationInput(body: OccupationCreate, context: Context): OccupationInput {
  const contactId = toInt(body.contact_id) as number;
  const companyId = toInt(body.company_id) as number;
  checkOccupationRefs(context, contactId, companyId);
  return { ...occupationDetails(body), contact_id: contactId, company_id: companyId };
}

/** An occupation keeps its contact and company: others answer 404, as does an occupation that is not the account's. */
function occupationUpdateInput(body: OccupationUpdate, context: Context, id: number): OccupationDetails {
  const existing = getOccupation(context.db, context.caller.accountId, id);
  if (!existing) throw notFound();
  const contactId = toInt(body.contact_id) as number;
  const companyId = toInt(body.company_id) as number;
  if (contactId !== existing.contact_id || companyId !== existing.company_id) throw notFound();
  checkOccupationRefs(context, contactId, companyId);
  return occupationDetails(body);
}

export const occupationsHandlers = {
  listOccupations: listHandler('listOccupations', listOccupations, occupations.rows),
  getOccupation: getHandler('getOccupation', getOccupation, occupations.row),
  createOccupation: createHandler('createOccupation', newOccupationInput, createOccupation, occupations.row),
  updateOccupation: updateHandler('updateOccupation', occupationUpdateInput, updateOccupation, occupations.row),
  deleteOccupation: deleteHandler('deleteOccupation', deleteOccupation),
} satisfies Partial<Handlers<Context>>;
