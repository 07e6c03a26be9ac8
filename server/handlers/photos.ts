// Photos: upload (a file part or a data: URL), read, list, delete. The bytes go under context.filesDir.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import { presentPhotos } from '../present/photos.js';
import { createPhoto, deletePhoto, getPhoto, listPhotos, listPhotosForContact } from '../store/photos.js';
import { checkNotArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, deleteHandler, getHandler, listHandler, presentInBatches } from './crud.js';
import { Problems, toInt, trimInput } from './input.js';
import { nowOf, type Handler } from './shared.js';
import { decodeDataImage, displayName, isUploadedFile, MAX_UPLOAD_BYTES, removeUploadOf, sniffImage, storeUpload, type FileKind } from './uploads.js';

const IMAGE_KINDS = 'JPEG, PNG, GIF, BMP, SVG or WebP';

const photos = presentInBatches(presentPhotos);

interface ImageUpload {
  bytes: Buffer;
  kind: FileKind;
  /** The client's file name, or null for an image sent as text. */
  originalName: string | null;
}

/** The image of the form: the `photo` file part if there is one, else the `data` text. Problems are recorded. */
function imageOf(problems: Problems, body: Record<string, unknown>): ImageUpload | undefined {
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
    return { bytes: photo.buffer, kind, originalName: photo.originalname };
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
  return { bytes, kind, originalName: null };
}

const createPhotoHandler: Handler<'createPhoto'> = ({ context, body }) => {
  const form = body as unknown as Record<string, unknown>;
  const contact = findContactOr404(context, toInt(form.contact_id) as number);
  const problems = new Problems();
  checkNotArchived(problems, contact, 'photos');
  const image = problems.any ? undefined : imageOf(problems, form);
  if (problems.any || !image) throw validationFailed(problems.messages);

  const row = storeUpload(context, 'photos', image.bytes, image.kind.extension, (relative, storedName) =>
    createPhoto(
      context.db,
      context.caller.accountId,
      {
        contact_id: contact.id,
        original_filename: displayName(image.originalName ?? '', storedName),
        new_filename: relative,
        filesize: image.bytes.length,
        mime_type: image.kind.mime,
      },
      nowOf(context),
    ),
  );
  return { status: 201, body: { data: photos.row(row, context) } };
};

export const photosHandlers = {
  listPhotos: listHandler('listPhotos', listPhotos, photos.rows),
  listContactPhotos: contactListHandler('listContactPhotos', listPhotosForContact, photos.rows),
  getPhoto: getHandler('getPhoto', getPhoto, photos.row),
  createPhoto: createPhotoHandler,
  deletePhoto: deleteHandler('deletePhoto', deletePhoto, removeUploadOf),
} satisfies Partial<Handlers<Context>>;
