/**
 * Debts between the user and a contact. Amounts are stored in hundredths with the currency they were recorded in.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type ContactOwnedRow } from './accountTable.js';
import type { Db } from './db.js';

export interface DebtRow extends ContactOwnedRow {
  in_debt: 'yes' | 'no';
  status: 'inprogress' | 'completed';
  amount: number | null;
  currency_id: number | null;
  reason: string | null;
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

const debts = accountTable<DebtRow>('debts');
export const { page: listDebts, pageOfContact: listDebtsForContact, get: getDebt, remove: deleteDebt } = debts;
const insertRow = debts.inserter('uuid, contact_id, in_debt, status, amount, currency_id, reason');
const setRow = debts.updater(
  'contact_id = ?, in_debt = ?, status = ?, amount = ?, currency_id = ?, reason = CASE WHEN ? = 1 THEN reason ELSE ? END',
);

/** The caller has checked that the contact is one of the account's. */
export function createDebt(db: Db, accountId: number, input: DebtInput, now: string): DebtRow {
  const values = [randomUUID(), input.contact_id, input.in_debt, input.status, input.amount, input.currency_id, input.reason ?? null];
  return getDebt(db, accountId, insertRow(db, accountId, values, now))!;
}

/** Replaces the debt's fields (`reason` only when given); undefined when the debt is not in the account. */
export function updateDebt(db: Db, accountId: number, id: number, input: DebtInput, now: string): DebtRow | undefined {
  const keepReason = input.reason === undefined ? 1 : 0;
  const values = [input.contact_id, input.in_debt, input.status, input.amount, input.currency_id, keepReason, input.reason ?? null];
  return setRow(db, accountId, id, values, now);
}
