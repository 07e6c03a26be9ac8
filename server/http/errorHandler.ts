// The one exit for every error: Monica's envelope and status, never a stack trace.
import type { ErrorRequestHandler } from 'express';
import { ApiError, internalError, invalidJson, invalidSort, notFound, validationFailed } from './errors.js';
import { describeSchemaErrors, type SchemaError } from './validationMessages.js';

/** The shape of the errors express-openapi-validator and body-parser throw. */
interface ThirdPartyError {
  status?: number;
  type?: string;
  errors?: SchemaError[];
}

function isResponseValidation(errors: SchemaError[]): boolean {
  return errors.some((e) => /^[./]?response/.test(e.path));
}

/** Maps an error from anywhere in the stack to the ApiError the client should see. */
export function toApiError(err: unknown, options: { bodyLimitBytes: number }): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as ThirdPartyError;
  if (e.type === 'entity.parse.failed' || e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
    return invalidJson();
  }
  if (e.type === 'entity.too.large') {
    return validationFailed([`The request body may not be larger than ${options.bodyLimitBytes} bytes.`]);
  }
  const errors = Array.isArray(e.errors) ? e.errors : [];
  if (errors.length > 0 && isResponseValidation(errors)) return internalError();
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

export function createErrorHandler(options: { bodyLimitBytes: number; log: (message: string) => void }): ErrorRequestHandler {
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
