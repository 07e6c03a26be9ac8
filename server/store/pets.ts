/**
 * Pets of contacts, each of one of the global pet categories (migration 10).
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type ContactOwnedRow } from './accountTable.js';
import { idList, stmt, type Db } from './db.js';

export interface PetRow extends ContactOwnedRow {
  pet_category_id: number;
  name: string | null;
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

const pets = accountTable<PetRow>('pets');
/** `listPetsForContact`: in the order they were added (Monica checks `sort` there but does not apply it). */
export const { page: listPets, pageOfContact: listPetsForContact, get: getPet, remove: deletePet } = pets;
const insertRow = pets.inserter('uuid, contact_id, pet_category_id, name');
const setRow = pets.updater('contact_id = ?, pet_category_id = ?, name = CASE WHEN ? = 1 THEN name ELSE ? END');

/** The caller has checked the contact and the category. */
export function createPet(db: Db, accountId: number, input: PetInput, now: string, uuid: string = randomUUID()): PetRow {
  const id = insertRow(db, accountId, [uuid, input.contact_id, input.pet_category_id, input.name ?? null], now);
  return getPet(db, accountId, id)!;
}

/** Sets the pet's contact and category, and its name when one is given; undefined when the pet is not in the account. */
export function updatePet(db: Db, accountId: number, id: number, input: PetInput, now: string): PetRow | undefined {
  const keepName = input.name === undefined ? 1 : 0;
  return setRow(db, accountId, id, [input.contact_id, input.pet_category_id, keepName, input.name ?? null], now);
}

/** The pet categories with these ids (global reference data); an unknown id is absent from the map. */
export function getPetCategoriesByIds(db: Db, ids: Iterable<number>): Map<number, PetCategoryRow> {
  const rows = stmt<PetCategoryRow>(db, 'SELECT id, name, is_common FROM pet_categories WHERE id IN (SELECT value FROM json_each(?))').all(idList(ids));
  return new Map(rows.map((r) => [r.id, r]));
}
