import type { Gender } from '../../generated/client/types.gen.js';
import type { GenderRow } from '../store/genders.js';
import { toApiTimestamp } from './dates.js';

export type GenderObject = Gender;

export function presentGender(row: GenderRow): GenderObject {
  return {
    id: row.id,
    object: 'gender',
    name: row.name,
    type: row.type as Gender['type'],
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
