// Handlers of this group's operations, keyed by operationId (see handlers/index.ts): debts, gifts, photos and
// documents. Each resource's handlers live in their own file.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { createDebtHandler, deleteDebtHandler, getDebtHandler, listDebtsHandler, updateDebtHandler } from './debts.js';
import {
  createDocumentHandler,
  deleteDocumentHandler,
  getDocumentHandler,
  listContactDocumentsHandler,
  listDocumentsHandler,
} from './documents.js';
import {
  createGiftHandler,
  deleteGiftHandler,
  getGiftHandler,
  listContactGiftsHandler,
  listGiftsHandler,
  setGiftPhotoHandler,
  updateGiftHandler,
} from './gifts.js';
import { createPhotoHandler, deletePhotoHandler, getPhotoHandler, listContactPhotosHandler, listPhotosHandler } from './photos.js';

export const moneyAndFileHandlers = {
  listDebts: listDebtsHandler,
  getDebt: getDebtHandler,
  createDebt: createDebtHandler,
  updateDebt: updateDebtHandler,
  deleteDebt: deleteDebtHandler,
  listGifts: listGiftsHandler,
  listContactGifts: listContactGiftsHandler,
  getGift: getGiftHandler,
  createGift: createGiftHandler,
  updateGift: updateGiftHandler,
  deleteGift: deleteGiftHandler,
  setGiftPhoto: setGiftPhotoHandler,
  listPhotos: listPhotosHandler,
  listContactPhotos: listContactPhotosHandler,
  getPhoto: getPhotoHandler,
  createPhoto: createPhotoHandler,
  deletePhoto: deletePhotoHandler,
  listDocuments: listDocumentsHandler,
  listContactDocuments: listContactDocumentsHandler,
  getDocument: getDocumentHandler,
  createDocument: createDocumentHandler,
  deleteDocument: deleteDocumentHandler,
} satisfies Partial<Handlers<Context>>;
