// Relationship type groups (love, family, friend, work): read-only, in a fixed order (`sort` is accepted but not
// applied).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentRelationshipTypeGroup } from '../present/relationshipTypeGroups.js';
import { getRelationshipTypeGroup, listRelationshipTypeGroups } from '../store/relationshipTypeGroups.js';
import { getHandler, listHandler, presentEach } from './crud.js';

const groups = presentEach(presentRelationshipTypeGroup);

export const relationshipTypeGroupsHandlers = {
  listRelationshipTypeGroups: listHandler('listRelationshipTypeGroups', listRelationshipTypeGroups, groups.rows),
  getRelationshipTypeGroup: getHandler('getRelationshipTypeGroup', getRelationshipTypeGroup, groups.row),
} satisfies Partial<Handlers<Context>>;
