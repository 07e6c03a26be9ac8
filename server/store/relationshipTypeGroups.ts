/**
 * Relationship type groups (love, family, friend, work): read-only reference rows every account gets when it is
 * created, with its relationship types (see relationshipTypes.ts).
 */
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface RelationshipTypeGroupRow {
  id: number;
  account_id: number;
  name: string;
  delible: number;
  created_at: string | null;
  updated_at: string | null;
}

const groups = accountTable<RelationshipTypeGroupRow>('relationship_type_groups', { order: 'ORDER BY id' });
/** The groups of the account, in their fixed order (creation order). */
export const listRelationshipTypeGroups = groups.page;
export const getRelationshipTypeGroup = groups.get;

/** The names of the account's groups (the keys a contact's `information.relationships` can fill). */
export function relationshipTypeGroupNames(db: Db, accountId: number): Set<string> {
  const rows = stmt<{ name: string }>(db, 'SELECT name FROM relationship_type_groups WHERE account_id = ?').all(accountId);
  return new Set(rows.map((r) => r.name));
}
