// Amounts of debts and gifts as the handlers take them: hundredths within range, in the caller's currency.
import type { Context } from '../context.js';
import { MAX_AMOUNT_CENTS, toCents, userCurrencyId } from '../store/money.js';
import { decimalString } from '../present/money.js';
import type { Problems } from './input.js';

/**
 * An amount in hundredths; a problem is recorded (and 0 returned) when it is not a number or lies outside
 * ±999,999,999,999.99. The validator has already checked its form.
 */
export function centsOf(problems: Problems, field: string, value: number | string): number {
  const cents = toCents(value);
  if (cents === null) {
    problems.add(`The ${field} must be a number.`);
    return 0;
  }
  if (Math.abs(cents) > MAX_AMOUNT_CENTS) {
    problems.add(`The ${field} must be between -${decimalString(MAX_AMOUNT_CENTS)} and ${decimalString(MAX_AMOUNT_CENTS)}.`);
    return 0;
  }
  return cents;
}

/** The currency the caller's amounts are recorded in now (null: US dollars). */
export function callerCurrencyId(context: Context): number | null {
  return userCurrencyId(context.db, context.caller.accountId, context.caller.userId);
}
