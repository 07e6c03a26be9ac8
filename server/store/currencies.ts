/**
 * Currencies: global reference data (the same for every account), filled by migration 3.
 */
import { stmt, type Db } from './db.js';
import { pageOf, type Page } from './pagination.js';

export interface CurrencyRow {
  id: number;
  iso: string;
  name: string;
  symbol: string;
}

/** One page of currencies, in id order (Monica's fixed order). */
export function listCurrencies(db: Db, opts: { limit: number; offset: number }): Page<CurrencyRow> {
  return pageOf<CurrencyRow>(db, 'SELECT id, iso, name, symbol FROM currencies ORDER BY id', 'SELECT COUNT(*) AS n FROM currencies', [], opts);
}

export function getCurrency(db: Db, id: number): CurrencyRow | undefined {
  return stmt<CurrencyRow>(db, 'SELECT id, iso, name, symbol FROM currencies WHERE id = ?').get(id);
}

export function getCurrencyByIso(db: Db, iso: string): CurrencyRow | undefined {
  return stmt<CurrencyRow>(db, 'SELECT id, iso, name, symbol FROM currencies WHERE iso = ?').get(iso.toUpperCase());
}
