// Requests Node's HTTP parser refuses before Express sees them: headers over the size limit (431), a client too
// slow to send its request (408), bytes that are not HTTP (400). Node would answer them with an empty body;
// here they get Monica's envelope, so that every answer of the server reads the same way.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorEnvelope } from './errors.js';

/** What a refused request is told: its status and one sentence (code 32, as for the other limits). */
export function describeClientError(code: string | undefined, headerLimitBytes: number): { status: number; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: `The request line and headers may not be larger than ${headerLimitBytes} bytes.` };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'The request was not sent in time.' };
    default:
      return { status: 400, message: 'The request is not valid HTTP.' };
  }
}

export function createClientErrorHandler(options: { headerLimitBytes: number }) {
  return (err: Error & { code?: string }, socket: Duplex): void => {
    // A client that went away, or a response already under way, cannot be told anything more.
    const inProgress = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = describeClientError(err.code, options.headerLimitBytes);
    const body = JSON.stringify(errorEnvelope(32, [message]));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  };
}
