/**
 * Relationship types (partner, uncle, ...), each in a group (see relationshipTypeGroups.ts): read-only reference
 * rows every account gets when it is created (see seed/referenceData.ts).
 */
import { accountTable, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export interface RelationshipTypeRow extends AccountRow {
  name: string;
  name_reverse_relationship: string;
  relationship_type_group_id: number;
  delible: number;
}

/** `listRelationshipTypes`: in their fixed order (creation order). `getRelationshipTypesByIds`: in one query. */
export const {
  page: listRelationshipTypes,
  get: getRelationshipType,
  byIds: getRelationshipTypesByIds,
} = accountTable<RelationshipTypeRow>('relationship_types', { order: 'ORDER BY id' });

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
