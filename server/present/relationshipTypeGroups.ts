import type { RelationshipTypeGroup } from '../../generated/client/types.gen.js';
import type { RelationshipTypeGroupRow } from '../store/relationshipTypeGroups.js';
import { accountAndTimes, bool } from './context.js';

export function presentRelationshipTypeGroup(row: RelationshipTypeGroupRow): RelationshipTypeGroup {
  return {
    id: row.id,
    object: 'relationshiptypegroup',
    name: row.name,
    delible: bool(row.delible),
    ...accountAndTimes(row),
  };
}
