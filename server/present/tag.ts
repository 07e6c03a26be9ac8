import type { TagRow } from '../store/tags.js';
import { toApiTimestamp } from './dates.js';

export interface TagObject {
  id: number;
  object: 'tag';
  name: string;
  name_slug: string;
  account: { id: number };
  created_at: string | null;
  updated_at: string | null;
}

export function presentTag(row: TagRow): TagObject {
  return {
    id: row.id,
    object: 'tag',
    name: row.name,
    name_slug: row.name_slug,
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
