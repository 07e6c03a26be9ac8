import type { Gift } from '../../generated/client/types.gen.js';
import { getContactsByIds } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { GiftRow } from '../store/gifts.js';
import { currenciesByIds } from '../store/money.js';
import { photosOfGifts } from '../store/photos.js';
import { presentContactSummary } from './contactSummary.js';
import { toApiTimestamp } from './dates.js';
import { amountFields, currencyOf } from './money.js';
import { presentPhoto, type FilePresentContext } from './photos.js';

/**
 * Presents a page of gifts with their contact, recipient and photos (each with its own contact), in a fixed
 * number of queries: photo links, contacts (of gifts, recipients and photos together), currencies. A price
 * recorded without a currency is shown in the viewer's currency (`viewerCurrencyId`; null: US dollars).
 */
export function presentGifts(
  db: Db,
  accountId: number,
  rows: readonly GiftRow[],
  ctx: FilePresentContext,
  viewerCurrencyId: number | null,
): Gift[] {
  const photos = photosOfGifts(db, accountId, rows.map((g) => g.id));
  const contactIds = [
    ...rows.map((g) => g.contact_id),
    ...rows.flatMap((g) => (g.recipient_id === null ? [] : [g.recipient_id])),
    ...[...photos.values()].flat().map((p) => p.contact_id),
  ];
  const contacts = getContactsByIds(db, accountId, contactIds);
  const currencies = currenciesByIds(db, [viewerCurrencyId, ...rows.map((g) => g.currency_id)]);
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`gift ${row.id} refers to a contact outside account ${accountId}`);
    const recipient = row.recipient_id === null ? undefined : contacts.get(row.recipient_id);
    return {
      id: row.id,
      uuid: row.uuid,
      object: 'gift',
      name: row.name,
      comment: row.comment,
      url: row.url,
      ...amountFields(row.amount, currencyOf(currencies, row.currency_id ?? viewerCurrencyId)),
      status: row.status,
      date: row.date,
      recipient: recipient ? presentContactSummary(recipient, ctx) : null,
      photos: (photos.get(row.id) ?? []).map((p) => presentPhoto(p, contacts.get(p.contact_id), ctx)),
      contact: presentContactSummary(contact, ctx),
      account: { id: row.account_id },
      created_at: toApiTimestamp(row.created_at),
      updated_at: toApiTimestamp(row.updated_at),
    };
  });
}
