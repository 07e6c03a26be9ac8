// Relationship types (partner, uncle, ...): read-only, in a fixed order (`sort` is accepted but not applied).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentRelationshipType } from '../present/relationshipTypes.js';
import { getRelationshipType, listRelationshipTypes } from '../store/relationshipTypes.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, type Handler } from './shared.js';

const listRelationshipTypesHandler: Handler<'listRelationshipTypes'> = ({ context, query }) => {
  const request = pageRequest('listRelationshipTypes', query);
  const page = listRelationshipTypes(context.db, context.caller.accountId, request.options);
  const body = paginate(page.rows.map(presentRelationshipType), page.total, request, listUrl(context, '/relationshiptypes'));
  return { status: 200, body };
};

const getRelationshipTypeHandler: Handler<'getRelationshipType'> = ({ context, path }) => {
  const row = getRelationshipType(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentRelationshipType(row) } };
};

export const relationshipTypesHandlers = {
  listRelationshipTypes: listRelationshipTypesHandler,
  getRelationshipType: getRelationshipTypeHandler,
} satisfies Partial<Handlers<Context>>;
