import type { RelationshipTypeGroup } from '../../generated/client/types.gen.js';
import type { RelationshipTypeGroupRow } from '../store/relationshipTypeGroups.js';
import { bool } from './context.js';
import { toApiTimestamp } from './dates.js';

export function presentRelationshipTypeGroup(row: RelationshipTypeGroupRow): RelationshipTypeGroup {
  return {
    id: row.id,
    object: 'relationshiptypegroup',
    name: row.name,
    delible: bool(row.delible),
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
