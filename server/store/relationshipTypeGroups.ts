/**
 * Relationship type groups (love, family, friend, work): read-only reference rows every account gets when it is
 * created, with its relationship types (see relationshipTypes.ts).
 */
import { stmt, type Db } from './db.js';
import { limitOffset, type Page } from './pagination.js';

export interface RelationshipTypeGroupRow {
  id: number;
  account_id: number;
  name: string;
  delible: number;
  created_at: string | null;
  updated_at: string | null;
}

/** The groups of the account, in their fixed order (creation order). */
export function listRelationshipTypeGroups(db: Db, accountId: number, opts: { limit: number; offset: number }): Page<RelationshipTypeGroupRow> {
  const [limit, offset] = limitOffset(opts);
  const rows = stmt<RelationshipTypeGroupRow>(
    db,
    'SELECT * FROM relationship_type_groups WHERE account_id = ? ORDER BY id LIMIT ? OFFSET ?',
  ).all(accountId, limit, offset);
  const total = stmt<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM relationship_type_groups WHERE account_id = ?').get(
    accountId,
  )!.n;
  return { rows, total };
}

export function getRelationshipTypeGroup(db: Db, accountId: number, id: number): RelationshipTypeGroupRow | undefined {
  return stmt<RelationshipTypeGroupRow>(db, 'SELECT * FROM relationship_type_groups WHERE account_id = ? AND id = ?').get(
    accountId,
    id,
  );
}

/** The names of the account's groups (the keys a contact's `information.relationships` can fill). */
export function relationshipTypeGroupNames(db: Db, accountId: number): Set<string> {
  const rows = stmt<{ name: string }>(db, 'SELECT name FROM relationship_type_groups WHERE account_id = ?').all(accountId);
  return new Set(rows.map((r) => r.name));
}
