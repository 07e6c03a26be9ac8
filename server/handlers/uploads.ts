// Uploaded files as the handlers receive them (multer's file objects, merged into the body by http/routes.ts),
// what the server can tell about their content without trusting the client, and how they are kept.
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { removeStoredFiles, storeFile, type FileFolder } from '../store/files.js';
import { checkNotArchived } from './checks.js';
import { dataHandler, findContactOr404, type DataOf } from './crud.js';
import { Problems, toInt } from './input.js';
import { nowOf, type Handler } from './shared.js';

/** The part of multer's file object the handlers use. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** The largest file accepted, as in server/app.ts (multer refuses larger file parts before a handler runs). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    Buffer.isBuffer((value as UploadedFile).buffer) &&
    typeof (value as UploadedFile).originalname === 'string'
  );
}

export interface FileKind {
  mime: string;
  extension: string;
}

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** An SVG document: optional BOM, XML declaration, comments and doctype, then an `<svg` root element. */
function isSvg(bytes: Buffer): boolean {
  let text = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  for (;;) {
    const before = text;
    text = text
      .replace(/^\s+/, '')
      .replace(/^<\?xml[\s\S]*?\?>/, '')
      .replace(/^<!--[\s\S]*?-->/, '')
      .replace(/^<!DOCTYPE[^>]*>/i, '');
    if (text === before) break;
  }
  return /^<svg[\s>/]/i.test(text);
}

/** The image type the bytes really hold (JPEG, PNG, GIF, BMP, WebP or SVG), or null for anything else. */
export function sniffImage(bytes: Buffer): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', extension: 'png' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { mime: 'image/gif', extension: 'gif' };
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return { mime: 'image/bmp', extension: 'bmp' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { mime: 'image/webp', extension: 'webp' };
  if (isSvg(bytes)) return { mime: 'image/svg+xml', extension: 'svg' };
  return null;
}

const EXTENSION_OF_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/zip': 'zip',
  'application/json': 'json',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
};

/**
 * A document's type: the content decides when it is recognisable (PDF, images), otherwise the type the client
 * declared if it is well formed, otherwise `application/octet-stream`. The extension (the document's `type`
 * field) comes from the file's name when it has a plain one, otherwise from the type; it may be null.
 */
export function documentKind(file: UploadedFile): { mime: string; extension: string | null } {
  const sniffed = startsWith(file.buffer, ascii('%PDF-')) ? { mime: 'application/pdf', extension: 'pdf' } : sniffImage(file.buffer);
  const declared = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i.test(file.mimetype) ? file.mimetype.toLowerCase() : null;
  const mime = sniffed?.mime ?? declared ?? 'application/octet-stream';
  const fromName = /\.([A-Za-z0-9]{1,10})$/.exec(displayName(file.originalname, ''))?.[1]?.toLowerCase() ?? null;
  return { mime, extension: fromName ?? sniffed?.extension ?? EXTENSION_OF_MIME[mime] ?? null };
}

/**
 * The client's file name as metadata: its last path segment, without control characters, at most 255
 * characters; `fallback` when nothing is left. It is never used to build a path.
 */
export function displayName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.length > 0 ? Array.from(base).slice(0, 255).join('') : fallback;
}

/**
 * The bytes of an image sent as text: a `data:` URL (base64 or percent-encoded) or bare base64. Null when the
 * text is neither.
 */
export function decodeDataImage(text: string): Buffer | null {
  const trimmed = text.trim();
  const dataUrl = /^data:([^,]*),([\s\S]*)$/i.exec(trimmed);
  if (dataUrl) {
    const isBase64 = /;base64$/i.test(dataUrl[1]!);
    return isBase64 ? decodeBase64(dataUrl[2]!) : percentDecode(dataUrl[2]!);
  }
  return decodeBase64(trimmed);
}

/** The bytes of percent-encoded text (`%89PNG...`): every `%XX` is one byte, everything else its UTF-8 bytes. */
function percentDecode(text: string): Buffer {
  const raw = Buffer.from(text, 'utf8');
  const out = Buffer.alloc(raw.length);
  const hex = (b: number | undefined) => b !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCharCode(b));
  let n = 0;
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] === 0x25 && hex(raw[i + 1]) && hex(raw[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(raw[i + 1]!, raw[i + 2]!), 16);
      i += 2;
    } else {
      out[n++] = raw[i]!;
    }
  }
  return out.subarray(0, n);
}

function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64');
}

/**
 * Keeps an upload: its bytes first, under a random name in `folder`, then its row (`writeRow` gets the stored
 * file's name relative to the files directory, and the random name alone); if the row cannot be written the
 * file goes again.
 */
export function storeUpload<R>(
  context: Context,
  folder: FileFolder,
  bytes: Buffer,
  extension: string | null,
  writeRow: (relative: string, storedName: string) => R,
): R {
  const relative = storeFile(context.filesDir, folder, bytes, extension);
  try {
    return writeRow(relative, relative.slice(`${folder}/`.length));
  } catch (err) {
    removeStoredFiles(context.filesDir, [relative]);
    throw err;
  }
}

/** A file a create call brings, as it is to be kept. */
export interface NewUpload {
  bytes: Buffer;
  /** The stored file's extension, if any. */
  extension: string | null;
  mime: string;
  /** The client's file name; '' when there is none (the stored name is shown then). */
  originalName: string;
}

/** The columns every upload's row has. */
export interface UploadColumns {
  contact_id: number;
  original_filename: string;
  new_filename: string;
  filesize: number;
  mime_type: string;
}

/**
 * The create call of an upload (a document, a photo), its form's contact and file: the contact must be the caller's
 * (404); an archived contact and what `fileOf` finds wrong with the file answer 422 together (`fileOf` sees what is
 * already wrong). Then the file is kept under `folder` and `create` writes its row.
 */
export function uploadHandler<K extends 'createDocument' | 'createPhoto', Row>(
  operationId: K,
  folder: FileFolder,
  fileOf: (problems: Problems, form: Record<string, unknown>) => NewUpload | undefined,
  create: (db: Db, accountId: number, columns: UploadColumns, now: string, upload: NewUpload) => Row,
  present: (row: Row, context: Context) => DataOf<K>,
): Handler<K> {
  return dataHandler(operationId, ({ context, body }) => {
    const form = body as unknown as Record<string, unknown>;
    const contact = findContactOr404(context, toInt(form.contact_id) as number);
    const problems = new Problems();
    // The folder is named after what it holds: "… before adding documents."
    checkNotArchived(problems, contact, folder);
    const upload = fileOf(problems, form);
    if (problems.any || !upload) throw validationFailed(problems.messages);
    const row = storeUpload(context, folder, upload.bytes, upload.extension, (relative, storedName) => {
      const columns = {
        contact_id: contact.id,
        original_filename: displayName(upload.originalName, storedName),
        new_filename: relative,
        filesize: upload.bytes.length,
        mime_type: upload.mime,
      };
      return create(context.db, context.caller.accountId, columns, nowOf(context), upload);
    });
    return present(row, context);
  });
}

/** After the row of an upload is deleted, its file goes too. */
export function removeUploadOf(row: { new_filename: string }, context: Context): void {
  removeStoredFiles(context.filesDir, [row.new_filename]);
}
