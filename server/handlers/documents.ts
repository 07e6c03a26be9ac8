// Documents: upload, read, list, delete. The bytes go under context.filesDir.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import { presentDocuments } from '../present/documents.js';
import { createDocument, deleteDocument, getDocument, listDocuments, listDocumentsForContact } from '../store/documents.js';
import { checkNotArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, deleteHandler, getHandler, listHandler, presentInBatches } from './crud.js';
import { Problems, toInt } from './input.js';
import { nowOf, type Handler } from './shared.js';
import { displayName, documentKind, isUploadedFile, removeUploadOf, storeUpload } from './uploads.js';

const documents = presentInBatches(presentDocuments);

const createDocumentHandler: Handler<'createDocument'> = ({ context, body }) => {
  const form = body as unknown as Record<string, unknown>;
  const contact = findContactOr404(context, toInt(form.contact_id) as number);
  const problems = new Problems();
  checkNotArchived(problems, contact, 'documents');
  const file = form.document;
  if (!isUploadedFile(file)) problems.add('The document must be a file.');
  if (problems.any || !isUploadedFile(file)) throw validationFailed(problems.messages);

  const kind = documentKind(file);
  const row = storeUpload(context, 'documents', file.buffer, kind.extension, (relative, storedName) =>
    createDocument(
      context.db,
      context.caller.accountId,
      {
        contact_id: contact.id,
        original_filename: displayName(file.originalname, storedName),
        new_filename: relative,
        filesize: file.buffer.length,
        type: kind.extension,
        mime_type: kind.mime,
      },
      nowOf(context),
    ),
  );
  return { status: 201, body: { data: documents.row(row, context) } };
};

export const documentsHandlers = {
  listDocuments: listHandler('listDocuments', listDocuments, documents.rows),
  listContactDocuments: contactListHandler('listContactDocuments', listDocumentsForContact, documents.rows),
  getDocument: getHandler('getDocument', getDocument, documents.row),
  createDocument: createDocumentHandler,
  deleteDocument: deleteHandler('deleteDocument', deleteDocument, removeUploadOf),
} satisfies Partial<Handlers<Context>>;
