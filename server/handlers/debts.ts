// Debts: CRUD over the account's debts, and the debts of one contact.
import type { DebtWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import { presentDebts } from '../present/debts.js';
import { createDebt, deleteDebt, getDebt, listDebts, listDebtsForContact, updateDebt, type DebtInput, type DebtRow } from '../store/debts.js';
import { callerCurrencyId, centsOf } from './amounts.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, createHandler, deleteHandler, findingFirst, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { cleanText, Problems, toInt } from './input.js';

/** Amounts without a currency show in the caller's. */
const debts = presentInBatches((db, accountId, rows: readonly DebtRow[], context) =>
  presentDebts(db, accountId, rows, context, callerCurrencyId(context)),
);

/** The body as store input: the contact must be the caller's (404), the amount in range (422). */
function debtInput(body: DebtWrite, context: Context): DebtInput {
  findContactOr404(context, toInt(body.contact_id) as number);
  const problems = new Problems();
  const amount = centsOf(problems, 'amount', body.amount);
  if (problems.any) throw validationFailed(problems.messages);
  return {
    contact_id: toInt(body.contact_id) as number,
    in_debt: body.in_debt,
    status: body.status,
    amount,
    currency_id: callerCurrencyId(context),
    reason: body.reason === undefined ? undefined : cleanText(body.reason),
  };
}

export const debtsHandlers = {
  listDebts: listHandler('listDebts', listDebts, debts.rows),
  listContactDebts: contactListHandler('listContactDebts', listDebtsForContact, debts.rows),
  getDebt: getHandler('getDebt', getDebt, debts.row),
  createDebt: createHandler('createDebt', debtInput, createDebt, debts.row),
  updateDebt: updateHandler('updateDebt', findingFirst(getDebt, debtInput), updateDebt, debts.row),
  deleteDebt: deleteHandler('deleteDebt', deleteDebt),
} satisfies Partial<Handlers<Context>>;
