// express-openapi-validator's settings for the reference server, in one place for the app and its tests.
import multer from 'multer';
import type { OpenApiValidatorOpts } from 'express-openapi-validator/dist/framework/types.js';
import { formFieldLimitBytes } from './errorHandler.js';

export function validatorOptions(settings: { validateResponses: boolean; uploadLimitBytes: number }): Omit<OpenApiValidatorOpts, 'apiSpec'> {
  const { uploadLimitBytes } = settings;
  return {
    // Unknown query parameters are ignored, as Monica does.
    validateRequests: { allErrors: true, allowUnknownQueryParameters: true },
    validateResponses: settings.validateResponses ? { allErrors: true } : false,
    // Tokens are checked by server/http/auth.ts, before the rate limit.
    validateSecurity: false,
    // Full format checks: a date such as 2023-02-30 is refused, not only a malformed one.
    validateFormats: true,
    ajvFormats: { mode: 'full' },
    // Uploads are kept in memory until a handler has checked them and written them under filesDir.
    // A text field may carry a whole image as a data: URL, hence the field size above the file size.
    fileUploader: {
      storage: multer.memoryStorage(),
      // Forms have two or three fields; the caps keep a form of many large fields from filling the memory.
      limits: { fileSize: uploadLimitBytes, fieldSize: formFieldLimitBytes(uploadLimitBytes), files: 1, fields: 20, parts: 21 },
    },
    ignoreUndocumented: false,
  };
}
