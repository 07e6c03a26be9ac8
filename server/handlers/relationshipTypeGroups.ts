// Relationship type groups (love, family, friend, work): read-only, in a fixed order (`sort` is accepted but not
// applied).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentRelationshipTypeGroup } from '../present/relationshipTypeGroups.js';
import { getRelationshipTypeGroup, listRelationshipTypeGroups } from '../store/relationshipTypeGroups.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, type Handler } from './shared.js';

const listRelationshipTypeGroupsHandler: Handler<'listRelationshipTypeGroups'> = ({ context, query }) => {
  const request = pageRequest('listRelationshipTypeGroups', query);
  const page = listRelationshipTypeGroups(context.db, context.caller.accountId, request.options);
  const body = paginate(page.rows.map(presentRelationshipTypeGroup), page.total, request, listUrl(context, '/relationshiptypegroups'));
  return { status: 200, body };
};

const getRelationshipTypeGroupHandler: Handler<'getRelationshipTypeGroup'> = ({ context, path }) => {
  const row = getRelationshipTypeGroup(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentRelationshipTypeGroup(row) } };
};

export const relationshipTypeGroupsHandlers = {
  listRelationshipTypeGroups: listRelationshipTypeGroupsHandler,
  getRelationshipTypeGroup: getRelationshipTypeGroupHandler,
} satisfies Partial<Handlers<Context>>;
