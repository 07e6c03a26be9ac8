import type { Country, CountryList } from '../../generated/client/types.gen.js';
import { COUNTRIES, countryByCode, type CountryData } from '../store/countries.js';

export function presentCountry(country: CountryData): Country {
  return { id: country.alpha2, object: 'country', name: country.name, iso: country.alpha2 };
}

/** The country an address shows for its stored code: null when it has none or the code is not a known country. */
export function presentCountryOfCode(code: string | null): Country | null {
  const country = countryByCode(code);
  return country ? presentCountry(country) : null;
}

/** Every country, keyed by alpha-3 code, in the alphabetical order of the names. */
export function presentCountryList(): CountryList {
  const data: CountryList['data'] = {};
  for (const country of COUNTRIES) data[country.alpha3] = presentCountry(country);
  return { data };
}
