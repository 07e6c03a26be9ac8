// Countries: every ISO 3166-1 country at once.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentCountryList } from '../present/countries.js';
import type { Handler } from './shared.js';

const listCountriesHandler: Handler<'listCountries'> = () => ({ status: 200, body: presentCountryList() });

export const countriesHandlers = {
  listCountries: listCountriesHandler,
} satisfies Partial<Handlers<Context>>;
