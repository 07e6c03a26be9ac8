// Tags: CRUD, and the calls that put tags on a contact or take them off.
import type { TagWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentTag } from '../present/tags.js';
import { createTag, deleteTag, getTag, listTags, setTagsByName, unsetAllTags, unsetTags, updateTag } from '../store/tags.js';
import { findContactOr404, presentOne } from './contacts.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { toInt, trimInput } from './input.js';
import { nowOf, type Handler } from './shared.js';

const tags = presentEach(presentTag);
const tagInput = (body: TagWrite) => ({ name: trimInput(body.name) });

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
  listTags: listHandler('listTags', listTags, tags.rows),
  getTag: getHandler('getTag', getTag, tags.row),
  createTag: createHandler('createTag', tagInput, createTag, tags.row),
  updateTag: updateHandler('updateTag', tagInput, updateTag, tags.row),
  deleteTag: deleteHandler('deleteTag', deleteTag),
  setContactTags: setContactTagsHandler,
  unsetContactTag: unsetContactTagHandler,
  unsetContactTags: unsetContactTagsHandler,
} satisfies Partial<Handlers<Context>>;
