// Documents: upload, read, list, delete. The bytes go under context.filesDir.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentDocuments } from '../present/documents.js';
import { removeStoredFiles, storeFile } from '../store/files.js';
import { createDocument, deleteDocument, getDocument, listDocuments, listDocumentsForContact, type DocumentRow } from '../store/documents.js';
import { checkNotArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { Problems, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';
import { displayName, documentKind, isUploadedFile } from './uploads.js';

const presentOne = (context: Context, row: DocumentRow) => presentDocuments(context.db, context.caller.accountId, [row], context)[0]!;

const listDocumentsHandler: Handler<'listDocuments'> = ({ context, query }) => {
  const request = pageRequest('listDocuments', query);
  const page = listDocuments(context.db, context.caller.accountId, request.options);
  const data = presentDocuments(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/documents')) };
};

const listContactDocumentsHandler: Handler<'listContactDocuments'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactDocuments', query);
  const page = listDocumentsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentDocuments(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/documents`)) };
};

const getDocumentHandler: Handler<'getDocument'> = ({ context, path }) => {
  const row = getDocument(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const createDocumentHandler: Handler<'createDocument'> = ({ context, body }) => {
  const form = body as unknown as Record<string, unknown>;
  const contact = findContactOr404(context, toInt(form.contact_id) as number);
  const problems = new Problems();
  checkNotArchived(problems, contact, 'documents');
  const file = form.document;
  if (!isUploadedFile(file)) problems.add('The document must be a file.');
  if (problems.any || !isUploadedFile(file)) throw validationFailed(problems.messages);

  const kind = documentKind(file);
  // The file first, then its row; if the row cannot be written the file goes again.
  const relative = storeFile(context.filesDir, 'documents', file.buffer, kind.extension);
  try {
    const row = createDocument(
      context.db,
      context.caller.accountId,
      {
        contact_id: contact.id,
        original_filename: displayName(file.originalname, relative.slice('documents/'.length)),
        new_filename: relative,
        filesize: file.buffer.length,
        type: kind.extension,
        mime_type: kind.mime,
      },
      nowOf(context),
    );
    return { status: 201, body: { data: presentOne(context, row) } };
  } catch (err) {
    removeStoredFiles(context.filesDir, [relative]);
    throw err;
  }
};

const deleteDocumentHandler: Handler<'deleteDocument'> = ({ context, path }) => {
  const row = deleteDocument(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  removeStoredFiles(context.filesDir, [row.new_filename]);
  return { status: 200, body: presentDeleted(path.id) };
};

export const documentsHandlers = {
  listDocuments: listDocumentsHandler,
  listContactDocuments: listContactDocumentsHandler,
  getDocument: getDocumentHandler,
  createDocument: createDocumentHandler,
  deleteDocument: deleteDocumentHandler,
} satisfies Partial<Handlers<Context>>;
