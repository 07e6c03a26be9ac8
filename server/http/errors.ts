// Every error the API sends is built here. Each code's status and message are the spec's (`x-error-codes` on
// ErrorCode, generated into contract.gen.ts): `apiError(31)` is the 404 with Monica's not-found message.
import { errorCodes, type ErrorCode } from '../../generated/server/contract.gen.js';

export type { ErrorCode };

export interface ErrorBody {
  error: { message: string | string[]; error_code: ErrorCode };
}

/** Monica's envelope: the body of every error but 401. */
export const errorEnvelope = (code: ErrorCode, messages: string | string[]): ErrorBody => ({ error: { message: messages, error_code: code } });

/** An error a handler or middleware throws; the error handler turns it into the Monica envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly messages: string | string[],
    readonly headers: Record<string, string> = {},
    /** Set only for the one error Monica does not wrap in its envelope (401). */
    private readonly rawBody?: object,
  ) {
    super(Array.isArray(messages) ? messages.join(' ') : messages);
  }

  get body(): ErrorBody | object {
    return this.rawBody ?? errorEnvelope(this.code, this.messages);
  }
}

export interface ApiErrorOptions {
  /** Instead of the code's message (code 32 carries the validation messages). */
  messages?: string | string[];
  /** Instead of the code's status (the size limits answer 413, 414 or 431 with code 32). */
  status?: number;
  headers?: Record<string, string>;
}

/** The error of a code, with the status and message the spec's table gives it unless told otherwise. */
export function apiError(code: ErrorCode, options: ApiErrorOptions = {}): ApiError {
  const { status, message } = errorCodes[code];
  return new ApiError(options.status ?? status, code, options.messages ?? message, options.headers);
}

export const limitTooBig = () => apiError(30);
export const notFound = () => apiError(31);
export const validationFailed = (messages: string[]) => apiError(32, { messages });
export const tooManyRequests = (headers: Record<string, string>) => apiError(34, { headers });
export const emailTaken = () => apiError(35);
/**
 * A request over one of the server's size limits (body 413, URL or query string 414, headers 431): refused
 * before anything is read further. Monica has no code of its own for this; 32 says "not accepted as sent".
 */
export const overLimit = (status: 413 | 414 | 431, message: string) =>
  apiError(32, { status, messages: [message], headers: status === 413 ? { Connection: 'close' } : {} });
export const invalidJson = () => apiError(37);
export const invalidSort = () => apiError(39);
export const internalError = () => apiError(40);

/** Laravel's body for a missing or unknown token; Monica does not wrap it in its envelope. */
export const UNAUTHENTICATED_BODY = { message: errorCodes[42].message } as const;
export const unauthenticated = () => new ApiError(errorCodes[42].status, 42, UNAUTHENTICATED_BODY.message, {}, UNAUTHENTICATED_BODY);
