/**
 * Debts between the user and a contact. Amounts are stored in hundredths with the currency they were recorded in.
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

export interface DebtRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  in_debt: 'yes' | 'no';
  status: 'inprogress' | 'completed';
  amount: number | null;
  currency_id: number | null;
  reason: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface DebtInput {
  contact_id: number;
  in_debt: 'yes' | 'no';
  status: 'inprogress' | 'completed';
  /** Hundredths. */
  amount: number;
  currency_id: number | null;
  /** Undefined keeps the stored reason on update (and means none on create); null clears it. */
  reason?: string | null;
}

export function listDebts(db: Db, accountId: number, opts: PageOptions): Page<DebtRow> {
  return pageOfAccountRows<DebtRow>(db, 'debts', { accountId }, opts);
}

export function listDebtsForContact(db: Db, accountId: number, contactId: number, opts: PageOptions): Page<DebtRow> {
  return pageOfAccountRows<DebtRow>(db, 'debts', { accountId, contactId }, opts);
}

export function getDebt(db: Db, accountId: number, id: number): DebtRow | undefined {
  return stmt<DebtRow>(db, 'SELECT * FROM debts WHERE account_id = ? AND id = ?').get(accountId, id);
}

/** The caller has checked that the contact is one of the account's. */
export function createDebt(db: Db, accountId: number, input: DebtInput, now: string): DebtRow {
  const result = stmt(
    db,
    `INSERT INTO debts (account_id, uuid, contact_id, in_debt, status, amount, currency_id, reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, randomUUID(), input.contact_id, input.in_debt, input.status, input.amount, input.currency_id, input.reason ?? null, now, now);
  return getDebt(db, accountId, Number(result.lastInsertRowid))!;
}

/** Replaces the debt's fields (`reason` only when given); undefined when the debt is not in the account. */
export function updateDebt(db: Db, accountId: number, id: number, input: DebtInput, now: string): DebtRow | undefined {
  const keepReason = input.reason === undefined ? 1 : 0;
  const result = stmt(
    db,
    `UPDATE debts SET contact_id = ?, in_debt = ?, status = ?, amount = ?, currency_id = ?,
            reason = CASE WHEN ? = 1 THEN reason ELSE ? END, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(input.contact_id, input.in_debt, input.status, input.amount, input.currency_id, keepReason, input.reason ?? null, now, accountId, id);
  return result.changes === 0 ? undefined : getDebt(db, accountId, id);
}

export function deleteDebt(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM debts WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}

