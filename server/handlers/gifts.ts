// Gifts: CRUD over the account's gifts, the gifts of one contact, and attaching photos.
import type { GiftWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentGifts } from '../present/gifts.js';
import { getContact } from '../store/contacts.js';
import { createGift, deleteGift, getGift, listGifts, listGiftsForContact, updateGift, type GiftInput, type GiftRow } from '../store/gifts.js';
import { attachPhotoToGift, getPhoto } from '../store/photos.js';
import { callerCurrencyId, centsOf } from './amounts.js';
import { checkNotArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, createHandler, deleteHandler, findingFirst, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { calendarDayOf, cleanText, Problems, toInt } from './input.js';
import { nowOf, type Handler } from './shared.js';

/** Prices without a currency show in the caller's. */
const gifts = presentInBatches((db, accountId, rows: readonly GiftRow[], context) =>
  presentGifts(db, accountId, rows, context, callerCurrencyId(context)),
);

/**
 * The whole gift from the body (optional fields left out are cleared): the contact and the recipient must be
 * the caller's (404); the contact may not be archived and the price must be in range (422).
 */
function giftInput(body: GiftWrite, context: Context): GiftInput {
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const recipientId = toInt(body.recipient_id);
  if (recipientId !== null) findContactOr404(context, recipientId);
  const problems = new Problems();
  checkNotArchived(problems, contact, 'gifts');
  const amount = body.amount === null || body.amount === undefined ? null : centsOf(problems, 'amount', body.amount);
  // Any date text the contract takes; the day is kept as written.
  const date = body.date === null || body.date === undefined ? null : calendarDayOf(body.date);
  if (date === null && body.date) problems.add('The date is not a valid date.');
  if (problems.any) throw validationFailed(problems.messages);
  return {
    contact_id: contact.id,
    recipient_id: recipientId,
    // The validator has checked that the name holds more than spaces.
    name: cleanText(body.name) ?? body.name,
    comment: cleanText(body.comment),
    url: cleanText(body.url),
    amount,
    currency_id: amount === null ? null : callerCurrencyId(context),
    status: body.status,
    date,
  };
}

const setGiftPhotoHandler: Handler<'setGiftPhoto'> = ({ context, path }) => {
  const { accountId } = context.caller;
  const gift = getGift(context.db, accountId, path.id);
  if (!gift || !getPhoto(context.db, accountId, path.photoId)) throw notFound();
  const problems = new Problems();
  checkNotArchived(problems, getContact(context.db, accountId, gift.contact_id)!, 'photos to its gifts');
  if (problems.any) throw validationFailed(problems.messages);
  attachPhotoToGift(context.db, accountId, gift.id, path.photoId, nowOf(context));
  return { status: 200, body: { data: gifts.row(gift, context) } };
};

export const giftsHandlers = {
  listGifts: listHandler('listGifts', listGifts, gifts.rows),
  listContactGifts: contactListHandler('listContactGifts', listGiftsForContact, gifts.rows),
  getGift: getHandler('getGift', getGift, gifts.row),
  createGift: createHandler('createGift', giftInput, createGift, gifts.row),
  updateGift: updateHandler('updateGift', findingFirst(getGift, giftInput), updateGift, gifts.row),
  deleteGift: deleteHandler('deleteGift', deleteGift),
  setGiftPhoto: setGiftPhotoHandler,
} satisfies Partial<Handlers<Context>>;
