// HTTP at the socket level, for what fetch cannot do: send a request byte by byte, send bytes that are not HTTP,
// watch when the server closes the connection.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** 0 when the server closed the connection without answering. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent. */
  raw: string;
}

/** Splits what a server sent into status, headers (lower-case names) and body. */
export function parseRawAnswer(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  if (!raw.startsWith('HTTP/') || end < 0) return { status: 0, headers: {}, body: '', raw };
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4), raw };
}

export interface SlowSend {
  /** The answer (status 0 if none) once the server has closed the connection. */
  answer: Promise<RawAnswer>;
  /** How many bytes had been written when the server closed the connection. */
  bytesWritten(): number;
  socket: Socket;
}

/**
 * Writes `request` to the server `chunkSize` bytes at a time, pausing `delayMs` between writes, and collects what
 * the server answers until it closes the connection. Writing stops when the server closes.
 */
export function sendSlowly(port: number, request: string | Buffer, options: { chunkSize?: number; delayMs: number }): SlowSend {
  const bytes = Buffer.isBuffer(request) ? request : Buffer.from(request, 'latin1');
  const chunkSize = options.chunkSize ?? 1;
  const socket = connect(port, '127.0.0.1');
  let written = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const received: Buffer[] = [];
  const writeNext = () => {
    if (closed || written >= bytes.length) return;
    const chunk = bytes.subarray(written, written + chunkSize);
    written += chunk.length;
    socket.write(chunk);
    timer = setTimeout(writeNext, options.delayMs);
  };
  socket.on('connect', writeNext);
  socket.on('data', (d) => received.push(d));
  const answer = new Promise<RawAnswer>((resolve) => {
    socket.on('error', () => {});
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      resolve(parseRawAnswer(Buffer.concat(received).toString('latin1')));
    });
  });
  return { answer, bytesWritten: () => written, socket };
}

/** Sends `request` at once and returns the answer when the server closes the connection (or after `waitMs`). */
export async function sendRaw(port: number, request: string | Buffer, waitMs = 5_000): Promise<RawAnswer> {
  const { answer, socket } = sendSlowly(port, request, { chunkSize: Buffer.byteLength(request), delayMs: 0 });
  const timer = setTimeout(() => socket.destroy(), waitMs);
  try {
    return await answer;
  } finally {
    clearTimeout(timer);
  }
}
