// Every error the API sends is built here, so that codes, statuses and messages stay in one place.

export type ErrorCode = 30 | 31 | 32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42;

export interface ErrorBody {
  error: { message: string | string[]; error_code: ErrorCode };
}

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
    return this.rawBody ?? { error: { message: this.messages, error_code: this.code } };
  }
}

export const limitTooBig = () => new ApiError(400, 30, 'The limit parameter is too big');
export const notFound = () => new ApiError(404, 31, 'The resource has not been found');
export const validationFailed = (messages: string[]) => new ApiError(422, 32, messages);
export const tooManyRequests = (headers: Record<string, string>) =>
  new ApiError(429, 34, 'Too many attempts, please slow down the request', headers);
export const emailTaken = () => new ApiError(422, 35, 'This email address is already taken');
/**
 * A request over one of the server's size limits (body 413, URL or query string 414, headers 431): refused
 * before anything is read further. Monica has no code of its own for this; 32 says "not accepted as sent".
 */
export const overLimit = (status: 413 | 414 | 431, message: string) =>
  new ApiError(status, 32, [message], status === 413 ? { Connection: 'close' } : {});
export const invalidJson = () => new ApiError(400, 37, 'Problems parsing JSON');
export const invalidSort = () => new ApiError(400, 39, 'The sorting criteria is invalid');
export const internalError = () => new ApiError(500, 40, 'The server could not complete the request');

/** Laravel's body for a missing or unknown token; Monica does not wrap it in its envelope. */
export const UNAUTHENTICATED_BODY = { message: 'Unauthenticated.' } as const;
export const unauthenticated = () => new ApiError(401, 42, 'Unauthenticated.', {}, UNAUTHENTICATED_BODY);
