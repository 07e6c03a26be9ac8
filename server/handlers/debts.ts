// Debts: CRUD over the account's debts, and the debts of one contact.
import type { DebtWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDebts } from '../present/debts.js';
import { presentDeleted } from '../present/deleted.js';
import { createDebt, deleteDebt, getDebt, listDebts, listDebtsForContact, updateDebt, type DebtInput, type DebtRow } from '../store/debts.js';
import { callerCurrencyId, centsOf } from './amounts.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, Problems, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOne = (context: Context, row: DebtRow) => presentDebts(context.db, context.caller.accountId, [row], context, callerCurrencyId(context))[0]!;

/** The body as store input: the contact must be the caller's (404), the amount in range (422). */
function debtInput(context: Context, body: DebtWrite): DebtInput {
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

const listDebtsHandler: Handler<'listDebts'> = ({ context, query }) => {
  const request = pageRequest('listDebts', query);
  const page = listDebts(context.db, context.caller.accountId, request.options);
  const data = presentDebts(context.db, context.caller.accountId, page.rows, context, callerCurrencyId(context));
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/debts')) };
};

const listContactDebtsHandler: Handler<'listContactDebts'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactDebts', query);
  const page = listDebtsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentDebts(context.db, context.caller.accountId, page.rows, context, callerCurrencyId(context));
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/debts`)) };
};

const getDebtHandler: Handler<'getDebt'> = ({ context, path }) => {
  const row = getDebt(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const createDebtHandler: Handler<'createDebt'> = ({ context, body }) => {
  const row = createDebt(context.db, context.caller.accountId, debtInput(context, body), nowOf(context));
  return { status: 201, body: { data: presentOne(context, row) } };
};

const updateDebtHandler: Handler<'updateDebt'> = ({ context, path, body }) => {
  if (!getDebt(context.db, context.caller.accountId, path.id)) throw notFound();
  const row = updateDebt(context.db, context.caller.accountId, path.id, debtInput(context, body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const deleteDebtHandler: Handler<'deleteDebt'> = ({ context, path }) => {
  if (!deleteDebt(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const debtsHandlers = {
  listDebts: listDebtsHandler,
  listContactDebts: listContactDebtsHandler,
  getDebt: getDebtHandler,
  createDebt: createDebtHandler,
  updateDebt: updateDebtHandler,
  deleteDebt: deleteDebtHandler,
} satisfies Partial<Handlers<Context>>;
