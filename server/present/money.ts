/**
 * The three forms of an amount that debts and gifts carry: `amount` (a plain decimal string), `value` (grouped
 * for display, no symbol) and `amount_with_currency` (with the currency's symbol). No amount: null, '' and ''.
 */
import { US_DOLLAR, type CurrencyRow } from '../store/money.js';

export interface AmountFields {
  amount: string | null;
  value: string;
  amount_with_currency: string;
}

function parts(cents: number): { sign: string; whole: string; fraction: string } {
  const abs = Math.abs(cents);
  return {
    sign: cents < 0 ? '-' : '',
    whole: String(Math.floor(abs / 100)),
    fraction: String(abs % 100).padStart(2, '0'),
  };
}

/** `"1234.50"`, `"-3.00"`. */
export function decimalString(cents: number): string {
  const { sign, whole, fraction } = parts(cents);
  return `${sign}${whole}.${fraction}`;
}

/** `"1,234.50"`: thousands grouped with commas, two decimals. */
export function displayValue(cents: number): string {
  const { sign, whole, fraction } = parts(cents);
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** The amount's fields; `currency` is the one it was recorded in (US dollars when unknown). */
export function amountFields(cents: number | null, currency: Pick<CurrencyRow, 'symbol'> | undefined): AmountFields {
  if (cents === null) return { amount: null, value: '', amount_with_currency: '' };
  const symbol = (currency ?? US_DOLLAR).symbol;
  const value = displayValue(cents);
  const withCurrency = cents < 0 ? `-${symbol}${value.slice(1)}` : `${symbol}${value}`;
  return { amount: decimalString(cents), value, amount_with_currency: withCurrency };
}

/** The currency of an id among loaded ones; undefined (US dollars) for null or an id that is gone. */
export function currencyOf(currencies: ReadonlyMap<number, CurrencyRow>, id: number | null): CurrencyRow | undefined {
  return id === null ? undefined : currencies.get(id);
}
