// Pets: the pets of the account's contacts, each of one of the global pet categories.
import type { PetWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentPets } from '../present/pets.js';
import { createPet, deletePet, getPet, getPetCategoriesByIds, listPets, listPetsForContact, updatePet, type PetInput, type PetRow } from '../store/pets.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';


const presentOne = (context: Context, row: PetRow) => presentPets(context.db, context.caller.accountId, [row], context)[0]!;

/**
 * The body as store input. An unknown category answers 422 (Laravel's `exists` rule, checked first); the contact
 * must be the caller's (404). A name left out stays undefined: an update then keeps the pet's name.
 */
function petInput(context: Context, body: PetWrite): PetInput {
  const categoryId = toInt(body.pet_category_id) as number;
  if (!getPetCategoriesByIds(context.db, [categoryId]).has(categoryId)) throw validationFailed(['The selected pet category id is invalid.']);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  return { contact_id: contact.id, pet_category_id: categoryId, name: body.name === undefined ? undefined : cleanText(body.name) };
}

const listPetsHandler: Handler<'listPets'> = ({ context, query }) => {
  const request = pageRequest('listPets', query);
  const page = listPets(context.db, context.caller.accountId, request.options);
  const data = presentPets(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/pets')) };
};

/** In the order the pets were added: Monica checks `sort` here but does not apply it. */
const listContactPetsHandler: Handler<'listContactPets'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactPets', query);
  const page = listPetsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentPets(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/pets`)) };
};

const getPetHandler: Handler<'getPet'> = ({ context, path }) => {
  const row = getPet(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const createPetHandler: Handler<'createPet'> = ({ context, body }) => {
  const row = createPet(context.db, context.caller.accountId, petInput(context, body), nowOf(context));
  return { status: 201, body: { data: presentOne(context, row) } };
};

/** Monica looks the pet up before it reads the body: an unknown pet answers 404 whatever the body holds. */
const updatePetHandler: Handler<'updatePet'> = ({ context, path, body }) => {
  if (!getPet(context.db, context.caller.accountId, path.id)) throw notFound();
  const row = updatePet(context.db, context.caller.accountId, path.id, petInput(context, body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const deletePetHandler: Handler<'deletePet'> = ({ context, path }) => {
  if (!deletePet(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const petsHandlers = {
  listPets: listPetsHandler,
  createPet: createPetHandler,
  getPet: getPetHandler,
  updatePet: updatePetHandler,
  deletePet: deletePetHandler,
  listContactPets: listContactPetsHandler,
} satisfies Partial<Handlers<Context>>;
