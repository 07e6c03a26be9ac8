// Tags: CRUD, and the calls that put tags on a contact or take them off.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentTag } from '../present/tags.js';
import { createTag, deleteTag, getTag, listTags, setTagsByName, unsetAllTags, unsetTags, updateTag } from '../store/tags.js';
import { findContactOr404, presentOne } from './contacts.js';
import { toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const listTagsHandler: Handler<'listTags'> = ({ context, query }) => {
  const request = pageRequest('listTags', query);
  const page = listTags(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentTag), page.total, request, listUrl(context, '/tags')) };
};

const getTagHandler: Handler<'getTag'> = ({ context, path }) => {
  const row = getTag(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentTag(row) } };
};

const createTagHandler: Handler<'createTag'> = ({ context, body }) => {
  const row = createTag(context.db, context.caller.accountId, { name: trimInput(body.name) }, nowOf(context));
  return { status: 201, body: { data: presentTag(row) } };
};

const updateTagHandler: Handler<'updateTag'> = ({ context, path, body }) => {
  const row = updateTag(context.db, context.caller.accountId, path.id, { name: trimInput(body.name) }, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentTag(row) } };
};

const deleteTagHandler: Handler<'deleteTag'> = ({ context, path }) => {
  if (!deleteTag(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

const setContactTagsHandler: Handler<'setContactTags'> = ({ context, path, body }) => {
  findContactOr404(context, path.id);
  const names = body.tags.filter((name): name is string => typeof name === 'string');
  if (!setTagsByName(context.db, context.caller.accountId, path.id, names, nowOf(context))) throw notFound();
  return { status: 200, body: { data: presentOne(context, findContactOr404(context, path.id)) } };
};

const unsetContactTagHandler: Handler<'unsetContactTag'> = ({ context, path, body }) => {
  findContactOr404(context, path.id);
  const ids = body.tags.map((id) => toInt(id) as number);
  if (unsetTags(context.db, context.caller.accountId, path.id, ids).unknownTagId !== undefined) throw notFound();
  return { status: 200, body: { data: presentOne(context, findContactOr404(context, path.id)) } };
};

const unsetContactTagsHandler: Handler<'unsetContactTags'> = ({ context, path }) => {
  findContactOr404(context, path.id);
  unsetAllTags(context.db, context.caller.accountId, path.id);
  return { status: 200, body: { data: presentOne(context, findContactOr404(context, path.id)) } };
};

export const tagsHandlers = {
  listTags: listTagsHandler,
  getTag: getTagHandler,
  createTag: createTagHandler,
  updateTag: updateTagHandler,
  deleteTag: deleteTagHandler,
  setContactTags: setContactTagsHandler,
  unsetContactTag: unsetContactTagHandler,
  unsetContactTags: unsetContactTagsHandler,
} satisfies Partial<Handlers<Context>>;
