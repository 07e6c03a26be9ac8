import type { GenderRow } from '../store/genders.js';
import { toApiTimestamp } from './dates.js';

export interface GenderObject {
  id: number;
  object: 'gender';
  name: string;
  type: string | null;
  account: { id: number };
  created_at: string | null;
  updated_at: string | null;
}

export function presentGender(row: GenderRow): GenderObject {
  return {
    id: row.id,
    object: 'gender',
    name: row.name,
    type: row.type,
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
