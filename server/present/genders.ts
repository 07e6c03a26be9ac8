import type { Gender } from '../../generated/client/types.gen.js';
import type { GenderRow } from '../store/genders.js';
import { accountObject } from './context.js';

export type GenderObject = Gender;

export function presentGender(row: GenderRow): GenderObject {
  return accountObject(row, 'gender', { name: row.name, type: row.type as Gender['type'] });
}
