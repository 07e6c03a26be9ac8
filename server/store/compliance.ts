/**
 * Compliance: the versions of the terms (global reference data, the same for
 * every account) and the users' signatures of them. Signatures belong to a
 * user of an account; every statement about them filters on the account.
 */
import { stmt, type Db } from './db.js';
import { pageOf, type Page } from './pagination.js';

export interface TermRow {
  id: number;
  term_version: string;
  term_content: string;
  privacy_version: string;
  privacy_content: string;
  created_at: string | null;
  updated_at: string | null;
}

/** A signature with the signed term's columns (prefixed `term_`). */
export interface SignatureRow {
  account_id: number;
  user_id: number;
  term_id: number;
  ip_address: string | null;
  /** When the user first signed the term. */
  signed_at: string;
  updated_at: string | null;
}

/** Newest version first: by version number, then by date and id. */
const TERM_ORDER = 'ORDER BY CAST(term_version AS INTEGER) DESC, created_at DESC, id DESC';

export function listTerms(db: Db, opts: { limit: number; offset: number }): Page<TermRow> {
  return pageOf<TermRow>(db, `SELECT * FROM terms ${TERM_ORDER}`, 'SELECT COUNT(*) AS n FROM terms', [], opts);
}

export function getTerm(db: Db, id: number): TermRow | undefined {
  return stmt<TermRow>(db, 'SELECT * FROM terms WHERE id = ?').get(id);
}

/** The term users are asked to sign now. */
export function latestTerm(db: Db): TermRow | undefined {
  return stmt<TermRow>(db, `SELECT * FROM terms ${TERM_ORDER} LIMIT 1`).get();
}

/** Terms by id, in one query. */
export function getTermsByIds(db: Db, ids: Iterable<number>): Map<number, TermRow> {
  const list = JSON.stringify([...new Set(ids)]);
  const rows = stmt<TermRow>(db, 'SELECT * FROM terms WHERE id IN (SELECT value FROM json_each(?))').all(list);
  return new Map(rows.map((row) => [row.id, row]));
}

const SIGNATURE_COLUMNS = 'account_id, user_id, term_id, ip_address, created_at AS signed_at, updated_at';

/** Every signature of the user, in the order they were signed. */
export function listSignatures(db: Db, accountId: number, userId: number): SignatureRow[] {
  return stmt<SignatureRow>(
    db,
    `SELECT ${SIGNATURE_COLUMNS} FROM term_user WHERE account_id = ? AND user_id = ? ORDER BY created_at, term_id`,
  ).all(accountId, userId);
}

export function getSignature(db: Db, accountId: number, userId: number, termId: number): SignatureRow | undefined {
  return stmt<SignatureRow>(
    db,
    `SELECT ${SIGNATURE_COLUMNS} FROM term_user WHERE account_id = ? AND user_id = ? AND term_id = ?`,
  ).get(accountId, userId, termId);
}

/**
 * Records that the user accepts a term from an IP address. Signing again
 * keeps the first signing date and stores the new address.
 */
export function signTerm(db: Db, accountId: number, userId: number, termId: number, ipAddress: string | null, now: string): SignatureRow {
  stmt(
    db,
    `INSERT INTO term_user (account_id, user_id, term_id, ip_address, created_at, updated_at)
     SELECT ?, u.id, ?, ?, ?, ? FROM users u WHERE u.account_id = ? AND u.id = ?
     ON CONFLICT (user_id, term_id) DO UPDATE SET ip_address = excluded.ip_address, updated_at = excluded.updated_at`,
  ).run(accountId, termId, ipAddress, now, now, accountId, userId);
  const row = getSignature(db, accountId, userId, termId);
  if (!row) throw new Error(`user ${userId} is not a user of account ${accountId}`);
  return row;
}

/** Whether the user has signed the latest term (false when there is no term at all). */
export function hasSignedLatestTerm(db: Db, accountId: number, userId: number): boolean {
  const latest = latestTerm(db);
  return latest !== undefined && getSignature(db, accountId, userId, latest.id) !== undefined;
}
