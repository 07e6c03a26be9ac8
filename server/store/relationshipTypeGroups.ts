/**
 * Relationship type groups (love, family, friend, work): read-only reference rows every account gets when it is
 * created, with its relationship types (see relationshipTypes.ts).
 */
import { accountTable, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export interface RelationshipTypeGroupRow extends AccountRow {
  name: string;
  delible: number;
}

const groups = accountTable<RelationshipTypeGroupRow>('relationship_type_groups', { order: 'ORDER BY id' });
/** `listRelationshipTypeGroups`: in their fixed order (creation order). */
export const { page: listRelationshipTypeGroups, get: getRelationshipTypeGroup } = groups;

/** The names of the account's groups (the keys a contact's `information.relationships` can fill). */
export function relationshipTypeGroupNames(db: Db, accountId: number): Set<string> {
  const rows = stmt<{ name: string }>(db, 'SELECT name FROM relationship_type_groups WHERE account_id = ?').all(accountId);
  return new Set(rows.map((r) => r.name));
}
