// Relationship types (partner, uncle, ...): read-only, in a fixed order (`sort` is accepted but not applied).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentRelationshipType } from '../present/relationshipTypes.js';
import { getRelationshipType, listRelationshipTypes } from '../store/relationshipTypes.js';
import { getHandler, listHandler, presentEach } from './crud.js';

const relationshipTypes = presentEach(presentRelationshipType);

export const relationshipTypesHandlers = {
  listRelationshipTypes: listHandler('listRelationshipTypes', listRelationshipTypes, relationshipTypes.rows),
  getRelationshipType: getHandler('getRelationshipType', getRelationshipType, relationshipTypes.row),
} satisfies Partial<Handlers<Context>>;
