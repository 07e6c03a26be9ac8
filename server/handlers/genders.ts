// Genders: the account's genders, which contacts point to with `gender_id`.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentGender } from '../present/genders.js';
import { createGender, deleteGender, getGender, listGendersPage, updateGender } from '../store/genders.js';
import { trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const listGendersHandler: Handler<'listGenders'> = ({ context, query }) => {
  const request = pageRequest('listGenders', query);
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

export const gendersHandlers = {
  listGenders: listGendersHandler,
  getGender: getGenderHandler,
  createGender: createGenderHandler,
  updateGender: updateGenderHandler,
  deleteGender: deleteGenderHandler,
} satisfies Partial<Handlers<Context>>;
