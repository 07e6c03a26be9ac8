// Documents: upload, read, list, delete. The bytes go under context.filesDir.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentDocuments } from '../present/documents.js';
import { createDocument, deleteDocument, getDocument, listDocuments, listDocumentsForContact } from '../store/documents.js';
import { contactListHandler, deleteHandler, getHandler, listHandler, presentInBatches } from './crud.js';
import type { Problems } from './input.js';
import { documentKind, isUploadedFile, removeUploadOf, uploadHandler, type NewUpload } from './uploads.js';

const documents = presentInBatches(presentDocuments);

/** The form's `document` file part, of whatever type. */
function documentOf(problems: Problems, form: Record<string, unknown>): NewUpload | undefined {
  const file = form.document;
  if (!isUploadedFile(file)) {
    problems.add('The document must be a file.');
    return undefined;
  }
  const kind = documentKind(file);
  return { bytes: file.buffer, extension: kind.extension, mime: kind.mime, originalName: file.originalname };
}

export const documentsHandlers = {
  listDocuments: listHandler('listDocuments', listDocuments, documents.rows),
  listContactDocuments: contactListHandler('listContactDocuments', listDocumentsForContact, documents.rows),
  getDocument: getHandler('getDocument', getDocument, documents.row),
  // A document's `type` is its extension.
  createDocument: uploadHandler(
    'createDocument',
    'documents',
    documentOf,
    (db, accountId, columns, now, upload) => createDocument(db, accountId, { ...columns, type: upload.extension }, now),
    documents.row,
  ),
  deleteDocument: deleteHandler('deleteDocument', deleteDocument, removeUploadOf),
} satisfies Partial<Handlers<Context>>;
