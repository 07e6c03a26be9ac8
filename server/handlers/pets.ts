// Pets: the pets of the account's contacts, each of one of the global pet categories.
import type { PetWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import { presentPets } from '../present/pets.js';
import { createPet, deletePet, getPet, getPetCategoriesByIds, listPets, listPetsForContact, updatePet, type PetInput } from '../store/pets.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, createHandler, deleteHandler, findingFirst, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { cleanText, toInt } from './input.js';

const pets = presentInBatches(presentPets);

/**
 * The body as store input. An unknown category answers 422 (Laravel's `exists` rule, checked first); the contact
 * must be the caller's (404). A name left out stays undefined: an update then keeps the pet's name.
 */
function petInput(body: PetWrite, context: Context): PetInput {
  const categoryId = toInt(body.pet_category_id) as number;
  if (!getPetCategoriesByIds(context.db, [categoryId]).has(categoryId)) throw validationFailed(['The selected pet category id is invalid.']);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  return { contact_id: contact.id, pet_category_id: categoryId, name: body.name === undefined ? undefined : cleanText(body.name) };
}

export const petsHandlers = {
  listPets: listHandler('listPets', listPets, pets.rows),
  createPet: createHandler('createPet', petInput, createPet, pets.row),
  getPet: getHandler('getPet', getPet, pets.row),
  // Monica looks the pet up before it reads the body: an unknown pet answers 404 whatever the body holds.
  updatePet: updateHandler('updatePet', findingFirst(getPet, petInput), updatePet, pets.row),
  deletePet: deleteHandler('deletePet', deletePet),
  // In the order the pets were added: Monica checks `sort` here but does not apply it.
  listContactPets: contactListHandler('listContactPets', listPetsForContact, pets.rows),
} satisfies Partial<Handlers<Context>>;
