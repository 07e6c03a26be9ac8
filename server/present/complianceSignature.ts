import type { ComplianceSignature, User } from '../../generated/client/types.gen.js';
import type { SignatureRow, TermRow } from '../store/compliance.js';
import { toApiTimestamp } from './dates.js';
import { presentTerm } from './term.js';

export type ComplianceSignatureObject = ComplianceSignature;

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
