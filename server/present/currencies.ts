import type { Currency } from '../../generated/client/types.gen.js';
import type { CurrencyRow } from '../store/currencies.js';

export function presentCurrency(row: CurrencyRow): Currency {
  return { id: row.id, object: 'currency', iso: row.iso, name: row.name, symbol: row.symbol };
}
