// Currencies: global reference data, public (no caller).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentCurrency } from '../present/currencies.js';
import { getCurrency, listCurrencies } from '../store/currencies.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, type Handler } from './shared.js';

/** Public: no caller. */
const listCurrenciesHandler: Handler<'listCurrencies'> = ({ context, query }) => {
  const request = pageRequest('listCurrencies', query);
  const page = listCurrencies(context.db, request.options);
  return { status: 200, body: paginate(page.rows.map(presentCurrency), page.total, request, listUrl(context, '/currencies')) };
};

/** Public: no caller. */
const getCurrencyHandler: Handler<'getCurrency'> = ({ context, path }) => {
  const row = getCurrency(context.db, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentCurrency(row) } };
};

export const currenciesHandlers = {
  listCurrencies: listCurrenciesHandler,
  getCurrency: getCurrencyHandler,
} satisfies Partial<Handlers<Context>>;
