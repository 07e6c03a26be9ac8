// Companies that contacts work or worked at (occupations link them).
import type { CompanyWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentCompany } from '../present/companies.js';
import { presentDeleted } from '../present/deleted.js';
import { createCompany, deleteCompany, getCompany, listCompanies, updateCompany, type CompanyInput } from '../store/companies.js';
import { toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

function companyInput(body: CompanyWrite): CompanyInput {
  return { name: trimInput(body.name), website: body.website ?? null, number_of_employees: toInt(body.number_of_employees) };
}

const listCompaniesHandler: Handler<'listCompanies'> = ({ context, query }) => {
  const request = pageRequest('listCompanies', query);
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

export const companiesHandlers = {
  listCompanies: listCompaniesHandler,
  getCompany: getCompanyHandler,
  createCompany: createCompanyHandler,
  updateCompany: updateCompanyHandler,
  deleteCompany: deleteCompanyHandler,
} satisfies Partial<Handlers<Context>>;
