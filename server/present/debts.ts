import type { Debt } from '../../generated/client/types.gen.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { DebtRow } from '../store/debts.js';
import { currenciesByIds, type CurrencyRow } from '../store/money.js';
import { presentContactSummary } from './contactSummary.js';
import type { PresentContext } from './context.js';
import { toApiTimestamp } from './dates.js';
import { amountFields, currencyOf } from './money.js';

/** Presents a debt; `contact` is its contact's row, `currency` the currency it was recorded in (undefined: US dollars). */
export function presentDebt(row: DebtRow, contact: ContactRow, currency: CurrencyRow | undefined, ctx: PresentContext): Debt {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'debt',
    in_debt: row.in_debt,
    status: row.status,
    ...amountFields(row.amount, currency),
    reason: row.reason,
    account: { id: row.account_id },
    contact: presentContactSummary(contact, ctx),
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/**
 * Presents a page of debts with two queries (contacts, currencies). A debt recorded without a currency is shown
 * in the viewer's currency (`viewerCurrencyId`, the calling user's; null: US dollars), as Monica does.
 */
export function presentDebts(
  db: Db,
  accountId: number,
  rows: readonly DebtRow[],
  ctx: PresentContext,
  viewerCurrencyId: number | null,
): Debt[] {
  const contacts = getContactsByIds(db, accountId, rows.map((d) => d.contact_id));
  const currencies = currenciesByIds(db, [viewerCurrencyId, ...rows.map((d) => d.currency_id)]);
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`debt ${row.id} refers to a contact outside account ${accountId}`);
    return presentDebt(row, contact, currencyOf(currencies, row.currency_id ?? viewerCurrencyId), ctx);
  });
}
