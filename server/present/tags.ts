import type { Tag } from '../../generated/client/types.gen.js';
import type { TagRow } from '../store/tags.js';
import { accountObject } from './context.js';

export type TagObject = Tag;

export function presentTag(row: TagRow): TagObject {
  return accountObject(row, 'tag', { name: row.name, name_slug: row.name_slug });
}
