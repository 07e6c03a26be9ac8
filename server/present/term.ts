import type { Term } from '../../generated/client/types.gen.js';
import type { TermRow } from '../store/compliance.js';
import { toApiTimestamp } from './dates.js';

export type TermObject = Term;

export function presentTerm(row: TermRow): TermObject {
  return {
    id: row.id,
    object: 'term',
    term_version: row.term_version,
    term_content: row.term_content,
    privacy_version: row.privacy_version,
    privacy_content: row.privacy_content,
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
