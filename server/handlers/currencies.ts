// Currencies: global reference data, public (no caller).
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentCurrency } from '../present/currencies.js';
import { getCurrency, listCurrencies } from '../store/currencies.js';
import { presentEach, publicGetHandler, publicListHandler } from './crud.js';

const currencies = presentEach(presentCurrency);

export const currenciesHandlers = {
  listCurrencies: publicListHandler('listCurrencies', listCurrencies, currencies.rows),
  getCurrency: publicGetHandler('getCurrency', getCurrency, currencies.row),
} satisfies Partial<Handlers<Context>>;
