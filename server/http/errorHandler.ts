// The one exit for every error: Monica's envelope and status, never a stack trace.
import type { ErrorRequestHandler } from 'express';
import { ApiError, internalError, invalidJson, invalidSort, notFound, overLimit, validationFailed } from './errors.js';
import { describeSchemaErrors, type SchemaError } from './validationMessages.js';

/** The shape of the errors express-openapi-validator and body-parser throw. */
interface ThirdPartyError {
  status?: number;
  type?: string;
  message?: unknown;
  errors?: SchemaError[];
}

/** `10240 kilobytes (10 MB)`, or `64 kilobytes` for a size that is no whole number of megabytes. */
function describeKilobytes(bytes: number): string {
  const kilobytes = `${Math.floor(bytes / 1024)} kilobytes`;
  return bytes % (1024 * 1024) === 0 ? `${kilobytes} (${bytes / (1024 * 1024)} MB)` : kilobytes;
}

/**
 * The longest text field of an upload form: an image sent as a base64 data: URL (the `data` field of photos)
 * may be as large as a file, plus a third for the encoding and room for the `data:...;base64,` prefix.
 */
export function formFieldLimitBytes(uploadLimitBytes: number): number {
  return Math.ceil(uploadLimitBytes / 3) * 4 + 64 * 1024;
}

/**
 * Multer's (and busboy's) complaints about a multipart body, which express-openapi-validator passes on as
 * 413, 400 or 500 errors carrying multer's message. They are the client's mistakes: 422 (code 32), and no
 * handler ran, so nothing was written.
 */
function uploadError(e: ThirdPartyError, uploadLimitBytes: number): ApiError | undefined {
  if (e.status !== 400 && e.status !== 413 && e.status !== 500) return undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  switch (message) {
    case 'File too large':
      return validationFailed([`The file may not be greater than ${describeKilobytes(uploadLimitBytes)}.`]);
    case 'Too many files':
      return validationFailed(['Only one file may be uploaded at a time.']);
    case 'Field value too long':
      return validationFailed([
        `A text field of the form may not be longer than ${formFieldLimitBytes(uploadLimitBytes)} bytes; send large images as a file part.`,
      ]);
    case 'Too many parts':
    case 'Too many fields':
    case 'Field name too long':
    case 'Field name missing':
    case 'Invalid field name':
    case 'Field name nesting too deep':
    case 'Field name array index too large':
      return validationFailed([`The form is not acceptable: ${message.toLowerCase()}.`]);
    case 'multipart file(s) required':
      return validationFailed(['The multipart body has no boundary.']);
  }
  if (e.status === 500 && /^(Unexpected end of form|Malformed part header|Multipart: )/.test(message)) {
    return validationFailed(['The multipart body is malformed.']);
  }
  return undefined;
}

function isResponseValidation(errors: SchemaError[]): boolean {
  return errors.some((e) => /^[./]?response/.test(e.path));
}

/** Maps an error from anywhere in the stack to the ApiError the client should see. */
function toApiError(err: unknown, options: { bodyLimitBytes: number; uploadLimitBytes: number }): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as ThirdPartyError;
  if (e.type === 'entity.parse.failed' || e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return invalidJson();
  }
  if (e.type === 'entity.too.large') {
    return overLimit(413, `The request body may not be larger than ${options.bodyLimitBytes} bytes.`);
  }
  const errors = Array.isArray(e.errors) ? e.errors : [];
  if (errors.length > 0 && isResponseValidation(errors)) return internalError();
  const upload = uploadError(e, options.uploadLimitBytes);
  if (upload) return upload;
  switch (e.status) {
    case 400: {
      // A path parameter that cannot be an id names nothing; everything else is invalid input.
      if (errors.some((x) => /^[./]?(params|path)/.test(x.path))) return notFound();
      // Monica answers any sort value it cannot apply with its own code.
      if (errors.some((x) => /^[./]?query[./]sort$/.test(x.path))) return invalidSort();
      return validationFailed(describeSchemaErrors(errors));
    }
    case 404:
    case 405:
      return notFound();
    case 415:
      return invalidJson();
    default:
      return internalError();
  }
}

export function createErrorHandler(options: { bodyLimitBytes: number; uploadLimitBytes: number; log: (message: string) => void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const apiError = toApiError(err, options);
    if (apiError.status >= 500) options.log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : JSON.stringify(err)}`);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(apiError.status).set(apiError.headers).json(apiError.body);
  };
}
