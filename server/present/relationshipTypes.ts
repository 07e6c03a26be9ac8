import type { RelationshipType } from '../../generated/client/types.gen.js';
import type { RelationshipTypeRow } from '../store/relationshipTypes.js';
import { accountAndTimes, bool } from './context.js';

export function presentRelationshipType(row: RelationshipTypeRow): RelationshipType {
  return {
    id: row.id,
    object: 'relationshiptype',
    name: row.name,
    name_reverse_relationship: row.name_reverse_relationship,
    relationship_type_group_id: row.relationship_type_group_id,
    delible: bool(row.delible),
    ...accountAndTimes(row),
  };
}
