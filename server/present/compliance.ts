// Compliance: the terms of use, and the user's signatures of them.
import type { ComplianceSignature, Term, User } from '../../generated/client/types.gen.js';
import type { SignatureRow, TermRow } from '../store/compliance.js';
import { times } from './context.js';
import { toApiTimestamp } from './dates.js';

export type TermObject = Term;

export type ComplianceSignatureObject = ComplianceSignature;

export function presentTerm(row: TermRow): TermObject {
  return {
    id: row.id,
    object: 'term',
    term_version: row.term_version,
    term_content: row.term_content,
    privacy_version: row.privacy_version,
    privacy_content: row.privacy_content,
    ...times(row),
  };
}

/** Presents a signature; `user` is the signing user, already presented (the same for every signature of a list). */
export function presentSignature(row: SignatureRow, term: TermRow, user: User): ComplianceSignatureObject {
  return {
    signed: true,
    signed_date: toApiTimestamp(row.signed_at) ?? row.signed_at,
    ip_address: row.ip_address,
    user,
    term: presentTerm(term),
  };
}
