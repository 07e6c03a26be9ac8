// Occupations: a contact's job at a company of the same account.
import type { OccupationFields } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
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
  type OccupationRow,
} from '../store/occupations.js';
import { findContactOr404 } from './contacts.js';
import { toBool, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

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

const presentOneOccupation = (context: Context, row: OccupationRow) =>
  presentOccupations(context.db, context.caller.accountId, [row], context)[0]!;

const listOccupationsHandler: Handler<'listOccupations'> = ({ context, query }) => {
  const request = pageRequest('listOccupations', query);
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

export const occupationsHandlers = {
  listOccupations: listOccupationsHandler,
  getOccupation: getOccupationHandler,
  createOccupation: createOccupationHandler,
  updateOccupation: updateOccupationHandler,
  deleteOccupation: deleteOccupationHandler,
} satisfies Partial<Handlers<Context>>;
