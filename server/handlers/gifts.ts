// Gifts: CRUD over the account's gifts, the gifts of one contact, and attaching photos.
import type { GiftWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentGifts } from '../present/gifts.js';
import { getContact } from '../store/contacts.js';
import { createGift, deleteGift, getGift, listGifts, listGiftsForContact, updateGift, type GiftInput, type GiftRow } from '../store/gifts.js';
import { attachPhotoToGift, getPhoto } from '../store/photos.js';
import { callerCurrencyId, centsOf } from './amounts.js';
import { checkNotArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { calendarDayOf, cleanText, Problems, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOne = (context: Context, row: GiftRow) => presentGifts(context.db, context.caller.accountId, [row], context, callerCurrencyId(context))[0]!;

/**
 * The whole gift from the body (optional fields left out are cleared): the contact and the recipient must be
 * the caller's (404); the contact may not be archived and the price must be in range (422).
 */
function giftInput(context: Context, body: GiftWrite): GiftInput {
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

const listGiftsHandler: Handler<'listGifts'> = ({ context, query }) => {
  const request = pageRequest('listGifts', query);
  const page = listGifts(context.db, context.caller.accountId, request.options);
  const data = presentGifts(context.db, context.caller.accountId, page.rows, context, callerCurrencyId(context));
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/gifts')) };
};

const listContactGiftsHandler: Handler<'listContactGifts'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactGifts', query);
  const page = listGiftsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentGifts(context.db, context.caller.accountId, page.rows, context, callerCurrencyId(context));
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/gifts`)) };
};

const getGiftHandler: Handler<'getGift'> = ({ context, path }) => {
  const row = getGift(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const createGiftHandler: Handler<'createGift'> = ({ context, body }) => {
  const row = createGift(context.db, context.caller.accountId, giftInput(context, body), nowOf(context));
  return { status: 201, body: { data: presentOne(context, row) } };
};

const updateGiftHandler: Handler<'updateGift'> = ({ context, path, body }) => {
  if (!getGift(context.db, context.caller.accountId, path.id)) throw notFound();
  const row = updateGift(context.db, context.caller.accountId, path.id, giftInput(context, body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const deleteGiftHandler: Handler<'deleteGift'> = ({ context, path }) => {
  if (!deleteGift(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

const setGiftPhotoHandler: Handler<'setGiftPhoto'> = ({ context, path }) => {
  const { accountId } = context.caller;
  const gift = getGift(context.db, accountId, path.id);
  if (!gift || !getPhoto(context.db, accountId, path.photoId)) throw notFound();
  const problems = new Problems();
  checkNotArchived(problems, getContact(context.db, accountId, gift.contact_id)!, 'photos to its gifts');
  if (problems.any) throw validationFailed(problems.messages);
  attachPhotoToGift(context.db, accountId, gift.id, path.photoId, nowOf(context));
  return { status: 200, body: { data: presentOne(context, gift) } };
};

export const giftsHandlers = {
  listGifts: listGiftsHandler,
  listContactGifts: listContactGiftsHandler,
  getGift: getGiftHandler,
  createGift: createGiftHandler,
  updateGift: updateGiftHandler,
  deleteGift: deleteGiftHandler,
  setGiftPhoto: setGiftPhotoHandler,
} satisfies Partial<Handlers<Context>>;
