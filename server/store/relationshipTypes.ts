/**
 * Relationship types (partner, uncle, ...), each in a group (see relationshipTypeGroups.ts): read-only reference
 * rows every account gets when it is created (see seed/referenceData.ts).
 */
import { idList, stmt, type Db } from './db.js';
import { limitOffset, type Page } from './pagination.js';

export interface RelationshipTypeRow {
  id: number;
  account_id: number;
  name: string;
  name_reverse_relationship: string;
  relationship_type_group_id: number;
  delible: number;
  created_at: string | null;
  updated_at: string | null;
}

/** The types of the account, in their fixed order (creation order). */
export function listRelationshipTypes(db: Db, accountId: number, opts: { limit: number; offset: number }): Page<RelationshipTypeRow> {
  const [limit, offset] = limitOffset(opts);
  const rows = stmt<RelationshipTypeRow>(
    db,
    'SELECT * FROM relationship_types WHERE account_id = ? ORDER BY id LIMIT ? OFFSET ?',
  ).all(accountId, limit, offset);
  const total = stmt<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM relationship_types WHERE account_id = ?').get(accountId)!.n;
  return { rows, total };
}

export function getRelationshipType(db: Db, accountId: number, id: number): RelationshipTypeRow | undefined {
  return stmt<RelationshipTypeRow>(db, 'SELECT * FROM relationship_types WHERE account_id = ? AND id = ?').get(accountId, id);
}

export function getRelationshipTypeByName(db: Db, accountId: number, name: string): RelationshipTypeRow | undefined {
  return stmt<RelationshipTypeRow>(
    db,
    'SELECT * FROM relationship_types WHERE account_id = ? AND name = ? ORDER BY id LIMIT 1',
  ).get(accountId, name);
}

/** The type named by `type.name_reverse_relationship` (undefined if the account lacks it). */
export function reverseTypeOf(db: Db, type: RelationshipTypeRow): RelationshipTypeRow | undefined {
  return getRelationshipTypeByName(db, type.account_id, type.name_reverse_relationship);
}

/** Several types of the account by id, in one query. */
export function getRelationshipTypesByIds(db: Db, accountId: number, ids: Iterable<number>): Map<number, RelationshipTypeRow> {
  const list = idList(ids);
  const out = new Map<number, RelationshipTypeRow>();
  if (list === '[]') return out;
  const rows = stmt<RelationshipTypeRow>(
    db,
    'SELECT * FROM relationship_types WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))',
  ).all(accountId, list);
  for (const row of rows) out.set(row.id, row);
  return out;
}

export interface GroupSeed {
  name: string;
  types: ReadonlyArray<{ name: string; reverse: string }>;
}

/** Inserts groups and their types for an account (groups without timestamps, as Monica creates them). */
export function insertRelationshipTypes(db: Db, accountId: number, groups: readonly GroupSeed[], now: string): void {
  const insertGroup = stmt(
    db,
    'INSERT INTO relationship_type_groups (account_id, name, delible, created_at, updated_at) VALUES (?, ?, 0, NULL, NULL)',
  );
  const insertType = stmt(
    db,
    `INSERT INTO relationship_types
       (account_id, name, name_reverse_relationship, relationship_type_group_id, delible, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, ?, ?)`,
  );
  db.transaction(() => {
    for (const group of groups) {
      const groupId = Number(insertGroup.run(accountId, group.name).lastInsertRowid);
      for (const type of group.types) insertType.run(accountId, type.name, type.reverse, groupId, now, now);
    }
  })();
}
