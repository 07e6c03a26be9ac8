import type { Gender } from '../../generated/client/types.gen.js';
import type { GenderRow } from '../store/genders.js';
import { accountAndTimes } from './context.js';

export type GenderObject = Gender;

export function presentGender(row: GenderRow): GenderObject {
  return {
    id: row.id,
    object: 'gender',
    name: row.name,
    type: row.type as Gender['type'],
    ...accountAndTimes(row),
  };
}
