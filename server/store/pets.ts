/**
 * Pets of contacts, each of one of the global pet categories (migration 10).
 */
import { randomUUID } from 'node:crypto';
import { idList, stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

export interface PetRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  pet_category_id: number;
  name: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface PetCategoryRow {
  id: number;
  name: string;
  is_common: number;
}

/** A pet's content; `name` undefined keeps the stored name on update (and means none on create). */
export interface PetInput {
  contact_id: number;
  pet_category_id: number;
  name?: string | null;
}


export function listPets(db: Db, accountId: number, opts: PageOptions): Page<PetRow> {
  return pageOfAccountRows<PetRow>(db, 'pets', { accountId }, opts);
}

/** The pets of one contact, in the order they were added (Monica checks `sort` here but does not apply it). */
export function listPetsForContact(db: Db, accountId: number, contactId: number, opts: { limit: number; offset: number }): Page<PetRow> {
  return pageOfAccountRows<PetRow>(db, 'pets', { accountId, contactId }, opts);
}

export function getPet(db: Db, accountId: number, id: number): PetRow | undefined {
  return stmt<PetRow>(db, 'SELECT * FROM pets WHERE account_id = ? AND id = ?').get(accountId, id);
}

/** The caller has checked the contact and the category. */
export function createPet(db: Db, accountId: number, input: PetInput, now: string, uuid: string = randomUUID()): PetRow {
  const result = stmt(
    db,
    `INSERT INTO pets (account_id, uuid, contact_id, pet_category_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, uuid, input.contact_id, input.pet_category_id, input.name ?? null, now, now);
  return getPet(db, accountId, Number(result.lastInsertRowid))!;
}

/** Sets the pet's contact and category, and its name when one is given; undefined when the pet is not in the account. */
export function updatePet(db: Db, accountId: number, id: number, input: PetInput, now: string): PetRow | undefined {
  const keepName = input.name === undefined ? 1 : 0;
  const result = stmt(
    db,
    `UPDATE pets SET contact_id = ?, pet_category_id = ?, name = CASE WHEN ? = 1 THEN name ELSE ? END, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(input.contact_id, input.pet_category_id, keepName, input.name ?? null, now, accountId, id);
  return result.changes === 0 ? undefined : getPet(db, accountId, id);
}

export function deletePet(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM pets WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}

/** The pet categories with these ids (global reference data); an unknown id is absent from the map. */
export function getPetCategoriesByIds(db: Db, ids: Iterable<number>): Map<number, PetCategoryRow> {
  const rows = stmt<PetCategoryRow>(db, 'SELECT id, name, is_common FROM pet_categories WHERE id IN (SELECT value FROM json_each(?))').all(idList(ids));
  return new Map(rows.map((r) => [r.id, r]));
}
