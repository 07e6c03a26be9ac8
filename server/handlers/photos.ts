// Photos: upload (a file part or a data: URL), read, list, delete. The bytes go under context.filesDir.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentPhotos } from '../present/photos.js';
import { createPhoto, deletePhoto, getPhoto, listPhotos, listPhotosForContact } from '../store/photos.js';
import { contactListHandler, deleteHandler, getHandler, listHandler, presentInBatches } from './crud.js';
import { trimInput, type Problems } from './input.js';
import {
  decodeDataImage,
  isUploadedFile,
  MAX_UPLOAD_BYTES,
  removeUploadOf,
  sniffImage,
  uploadHandler,
  type FileKind,
  type NewUpload,
} from './uploads.js';

const IMAGE_KINDS = 'JPEG, PNG, GIF, BMP, SVG or WebP';

const photos = presentInBatches(presentPhotos);

/** An image kept as the kind its bytes show; one sent as text has no file name. */
function imageUpload(bytes: Buffer, kind: FileKind, originalName = ''): NewUpload {
  return { bytes, extension: kind.extension, mime: kind.mime, originalName };
}

/** The image of the form: the `photo` file part if there is one, else the `data` text. Problems are recorded. */
function imageOf(problems: Problems, body: Record<string, unknown>): NewUpload | undefined {
  const photo = body.photo;
  if (photo !== undefined && photo !== '') {
    if (!isUploadedFile(photo)) {
      problems.add('The photo must be a file.');
      return undefined;
    }
    const kind = sniffImage(photo.buffer);
    if (!kind) {
      problems.add(`The photo must be an image (${IMAGE_KINDS}).`);
      return undefined;
    }
    return imageUpload(photo.buffer, kind, photo.originalname);
  }
  if (typeof body.data !== 'string' || trimInput(body.data) === '') {
    problems.add('The photo field is required when data is not present.');
    return undefined;
  }
  const bytes = decodeDataImage(body.data);
  if (!bytes) {
    problems.add('The data must be an image written as a data: URL or in base64.');
    return undefined;
  }
  if (bytes.length > MAX_UPLOAD_BYTES) {
    problems.add(`The data may not be greater than ${MAX_UPLOAD_BYTES / 1024} kilobytes.`);
    return undefined;
  }
  const kind = sniffImage(bytes);
  if (!kind) {
    problems.add(`The data must be an image (${IMAGE_KINDS}).`);
    return undefined;
  }
  return imageUpload(bytes, kind);
}

/** An archived contact is refused before the image is looked at. */
const imageUnlessRefused = (problems: Problems, form: Record<string, unknown>) => (problems.any ? undefined : imageOf(problems, form));

export const photosHandlers = {
  listPhotos: listHandler('listPhotos', listPhotos, photos.rows),
  listContactPhotos: contactListHandler('listContactPhotos', listPhotosForContact, photos.rows),
  getPhoto: getHandler('getPhoto', getPhoto, photos.row),
  createPhoto: uploadHandler('createPhoto', 'photos', imageUnlessRefused, createPhoto, photos.row),
  deletePhoto: deleteHandler('deletePhoto', deletePhoto, removeUploadOf),
} satisfies Partial<Handlers<Context>>;
