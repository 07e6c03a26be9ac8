/**
 * Amounts of debts and gifts: kept as integer hundredths (cents) with the currency they were recorded in, which
 * is the user's currency at the time (`users.currency_id`). An amount recorded without one is shown in the
 * viewing user's currency, and without that (NULL, or a currency that no longer exists) in US dollars.
 */
import { idList, stmt, type Db } from './db.js';

/** The largest amount accepted, in either direction, in hundredths: 999,999,999,999.99. */
export const MAX_AMOUNT_CENTS = 99_999_999_999_999;

export interface CurrencyRow {
  id: number;
  iso: string;
  name: string;
  symbol: string;
}

/** What an amount without a known currency is shown in. */
export const US_DOLLAR: Readonly<Pick<CurrencyRow, 'iso' | 'symbol'>> = { iso: 'USD', symbol: '$' };

/**
 * The number a client sent (a JSON number, or a decimal written as a string) in hundredths, rounded half away
 * from zero; null when it is not a finite number. Decimal shifting goes through the exponent, so 1.005 gives
 * 101 rather than the 100 that `1.005 * 100` would round to.
 */
export function toCents(value: number | string): number | null {
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === '')) return null;
  const [mantissa, exponent] = Math.abs(n).toExponential().split('e') as [string, string];
  const shifted = Number(`${mantissa}e${Number(exponent) + 2}`);
  if (!Number.isFinite(shifted)) return null;
  const cents = Math.round(shifted);
  return n < 0 && cents !== 0 ? -cents : cents;
}

/** The currency the caller's amounts are recorded in now: the user's, or null (US dollars). */
export function userCurrencyId(db: Db, accountId: number, userId: number): number | null {
  const row = stmt<{ currency_id: number | null }>(
    db,
    `SELECT u.currency_id AS currency_id
       FROM users u JOIN currencies c ON c.id = u.currency_id
      WHERE u.account_id = ? AND u.id = ?`,
  ).get(accountId, userId);
  return row?.currency_id ?? null;
}

/** Currencies by id, in one query (currencies are global reference data). */
export function currenciesByIds(db: Db, ids: Iterable<number | null>): Map<number, CurrencyRow> {
  const list = idList([...ids].filter((id): id is number => id !== null));
  const out = new Map<number, CurrencyRow>();
  if (list === '[]') return out;
  for (const row of stmt<CurrencyRow>(db, 'SELECT id, iso, name, symbol FROM currencies WHERE id IN (SELECT value FROM json_each(?))').all(list)) {
    out.set(row.id, row);
  }
  return out;
}
