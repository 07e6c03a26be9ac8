// Genders: the account's genders, which contacts point to with `gender_id`.
import type { GenderWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentGender } from '../present/genders.js';
import { createGender, deleteGender, getGender, listGendersPage, updateGender, type GenderInput } from '../store/genders.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { trimInput } from './input.js';

const genders = presentEach(presentGender);
const genderInput = (body: GenderWrite): GenderInput => ({ name: trimInput(body.name), type: body.type });

export const gendersHandlers = {
  listGenders: listHandler('listGenders', listGendersPage, genders.rows),
  getGender: getHandler('getGender', getGender, genders.row),
  createGender: createHandler('createGender', genderInput, createGender, genders.row),
  updateGender: updateHandler('updateGender', genderInput, updateGender, genders.row),
  deleteGender: deleteHandler('deleteGender', deleteGender),
} satisfies Partial<Handlers<Context>>;
