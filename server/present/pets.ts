import type { Pet, PetCategory } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { getPetCategoriesByIds, type PetCategoryRow, type PetRow } from '../store/pets.js';
import { contactObject } from './contactSummary.js';
import { bool, type PresentContext } from './context.js';
import { presentWithContacts } from './withContacts.js';

export function presentPetCategory(row: PetCategoryRow): PetCategory {
  return { id: row.id, object: 'pet_category', name: row.name, is_common: bool(row.is_common) };
}

export function presentPet(row: PetRow, category: PetCategoryRow, contact: ContactRow, ctx: PresentContext): Pet {
  return contactObject(row, 'pet', { name: row.name, pet_category: presentPetCategory(category) }, contact, ctx);
}

/** Presents a page of pets, loading their contacts and categories with one query each. */
export function presentPets(db: Db, accountId: number, rows: readonly PetRow[], ctx: PresentContext): Pet[] {
  const categories = getPetCategoriesByIds(db, rows.map((r) => r.pet_category_id));
  return presentWithContacts(db, accountId, rows, 'pet', (row, contact) => presentPet(row, categories.get(row.pet_category_id)!, contact, ctx));
}
