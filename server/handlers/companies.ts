// Companies that contacts work or worked at (occupations link them).
import type { CompanyWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentCompany } from '../present/companies.js';
import { createCompany, deleteCompany, getCompany, listCompanies, updateCompany, type CompanyInput } from '../store/companies.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { toInt, trimInput } from './input.js';

const companies = presentEach(presentCompany);

function companyInput(body: CompanyWrite): CompanyInput {
  return { name: trimInput(body.name), website: body.website ?? null, number_of_employees: toInt(body.number_of_employees) };
}

export const companiesHandlers = {
  listCompanies: listHandler('listCompanies', listCompanies, companies.rows),
  getCompany: getHandler('getCompany', getCompany, companies.row),
  createCompany: createHandler('createCompany', companyInput, createCompany, companies.row),
  updateCompany: updateHandler('updateCompany', companyInput, updateCompany, companies.row),
  deleteCompany: deleteHandler('deleteCompany', deleteCompany),
} satisfies Partial<Handlers<Context>>;
