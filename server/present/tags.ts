import type { Tag } from '../../generated/client/types.gen.js';
import type { TagRow } from '../store/tags.js';
import { toApiTimestamp } from './dates.js';

export type TagObject = Tag;

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
