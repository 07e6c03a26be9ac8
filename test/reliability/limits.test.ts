// Size limits and timeouts: each oversized or too slow request gets a clear answer in Monica's envelope, nothing
// is written, and a slow client cannot hold the server. The limits are set small here so the tests stay light.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFileServer, type FileServer } from './fileServer.js';
import { sendRaw, sendSlowly, type RawAnswer } from './rawHttp.js';

// On a busy machine servers start and answer slowly; these bounds only catch a hang.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const LIMITS = { bodyBytes: 4096, uploadBytes: 64 * 1024, urlBytes: 2048, queryParams: 10, headerBytes: 8192 };
const TIMEOUTS = { headersMs: 600, requestMs: 1200, keepAliveMs: 300 };

let server: FileServer;

beforeAll(async () => {
  server = await startFileServer({ limits: LIMITS, timeouts: TIMEOUTS });
});
afterAll(async () => {
  await server?.close();
});

const authorized = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${server.tokens.demo}`, Accept: 'application/json', ...extra });

async function call(method: string, path: string, body?: string | FormData, headers: Record<string, string> = {}) {
  const isJson = typeof body === 'string';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: authorized(isJson ? { 'Content-Type': 'application/json', ...headers } : headers),
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as unknown };
}

const envelope = (message: string) => ({ error: { message: [message], error_code: 32 } });

/** A valid new-contact body of exactly `size` bytes (JSON followed by blanks, which JSON allows). */
function contactBodyOfSize(size: number, firstName = 'Sized'): string {
  const json = JSON.stringify({ first_name: firstName, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false });
  return json + ' '.repeat(size - Buffer.byteLength(json));
}

async function contactCount(): Promise<number> {
  const page = await call('GET', '/contacts?limit=1');
  expect(page.status).toBe(200);
  return (page.json as { meta: { total: number } }).meta.total;
}

describe('JSON bodies over the body limit', () => {
  it('are answered 413 with code 32 and a message naming the limit, and nothing is written', async () => {
    const before = server.snapshot();
    const countBefore = await contactCount();
    const body = contactBodyOfSize(LIMITS.bodyBytes + 1);
    const answer = await call('POST', '/contacts', body);
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual(envelope(`The request body may not be larger than ${LIMITS.bodyBytes} bytes.`));
    // The rest of an oversized body is not read: the connection is closed after the answer.
    expect(answer.headers.get('connection')).toBe('close');
    expect(server.snapshot()).toBe(before);
    expect(await contactCount()).toBe(countBefore);
  });

  it('are refused the same way when sent in chunks without a length', async () => {
    const before = server.snapshot();
    const body = contactBodyOfSize(LIMITS.bodyBytes * 3);
    const answer = await new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/contacts`, { method: 'POST', headers: authorized({ 'Content-Type': 'application/json' }) }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      });
      req.on('error', reject);
      // No Content-Length: Node sends the body chunked, so the limit can only be found while reading.
      for (let at = 0; at < body.length; at += 1000) req.write(body.slice(at, at + 1000));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual(envelope(`The request body may not be larger than ${LIMITS.bodyBytes} bytes.`));
    expect(server.snapshot()).toBe(before);
  });

  it('are accepted up to the limit itself', async () => {
    const answer = await call('POST', '/contacts', contactBodyOfSize(LIMITS.bodyBytes, 'AtTheLimit'));
    expect(answer.status).toBe(201);
  });
});

describe('uploads over the upload limit', () => {
  it('are answered 422 with code 32 naming the limit, and neither a row nor a file is written', async () => {
    const contact = await call('POST', '/contacts', contactBodyOfSize(200, 'Uploader'));
    const contactId = (contact.json as { data: { id: number } }).data.id;
    const before = server.snapshot();
    const filesBefore = server.storedFiles();
    const form = new FormData();
    form.append('contact_id', String(contactId));
    form.append('document', new File([Buffer.alloc(LIMITS.uploadBytes + 1, 7)], 'big.bin', { type: 'application/octet-stream' }));
    const answer = await call('POST', '/documents', form);
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual(envelope('The file may not be greater than 64 kilobytes.'));
    expect(server.snapshot()).toBe(before);
    expect(server.storedFiles()).toEqual(filesBefore);
    // A file of exactly the limit is taken.
    const fits = new FormData();
    fits.append('contact_id', String(contactId));
    fits.append('document', new File([Buffer.alloc(LIMITS.uploadBytes, 7)], 'fits.bin', { type: 'application/octet-stream' }));
    expect((await call('POST', '/documents', fits)).status).toBe(201);
  });
});

describe('URLs', () => {
  const params = (n: number) => Array.from({ length: n }, (_, i) => `p${i}=${i}`).join('&');

  it('with more query parameters than the limit are answered 414 with code 32', async () => {
    const answer = await call('GET', `/contacts?${params(LIMITS.queryParams + 1)}`);
    expect(answer.status).toBe(414);
    expect(answer.json).toEqual(envelope(`The query string may not hold more than ${LIMITS.queryParams} parameters.`));
    expect((await call('GET', `/contacts?${params(LIMITS.queryParams)}`)).status).toBe(200);
  });

  it('longer than the limit are answered 414 with code 32', async () => {
    // An unknown parameter is ignored, so only the length decides.
    const path = `/contacts?pad=${'q'.repeat(LIMITS.urlBytes)}`;
    const answer = await call('GET', path);
    expect(answer.status).toBe(414);
    expect(answer.json).toEqual(envelope(`The URL may not be longer than ${LIMITS.urlBytes} bytes.`));
    const fits = `/contacts?pad=${'q'.repeat(LIMITS.urlBytes - '/api/contacts?pad='.length)}`;
    expect((await call('GET', fits)).status).toBe(200);
  });

  it('refused on a write leave the data as it was', async () => {
    const before = server.snapshot();
    const body = contactBodyOfSize(300, 'NeverWritten');
    expect((await call('POST', `/contacts?${params(LIMITS.queryParams + 1)}`, body)).status).toBe(414);
    expect((await call('POST', `/contacts?pad=${'x'.repeat(LIMITS.urlBytes)}`, body)).status).toBe(414);
    expect(server.snapshot()).toBe(before);
  });
});

describe('requests Node refuses before the app sees them', () => {
  const expectEnvelopeAnswer = (answer: RawAnswer, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers.connection).toBe('close');
    const body = JSON.parse(answer.body) as { error: { message: string[]; error_code: number } };
    expect(body.error.error_code).toBe(32);
    expect(body.error.message).toHaveLength(1);
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    return body.error.message[0];
  };

  it('answers headers over the header limit with 431 in the envelope (not an empty page, not a hang)', async () => {
    const request = `GET /api/currencies HTTP/1.1\r\nHost: x\r\nX-Padding: ${'h'.repeat(LIMITS.headerBytes)}\r\n\r\n`;
    const answer = await sendRaw(server.port, request);
    expect(expectEnvelopeAnswer(answer, 431)).toBe(`The request line and headers may not be larger than ${LIMITS.headerBytes} bytes.`);
  });

  it('answers bytes that are not HTTP with 400 in the envelope', async () => {
    const answer = await sendRaw(server.port, 'HELLO THERE\r\n\r\n');
    expect(expectEnvelopeAnswer(answer, 400)).toBe('The request is not valid HTTP.');
  });

  it('cuts off a client that sends its headers too slowly, while serving the others', async () => {
    const request = `GET /api/currencies HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nX-Slow: ${'s'.repeat(60)}\r\n\r\n`;
    // One byte every 50 ms: the whole request would take about 6 seconds, ten times the headers timeout.
    const slow = sendSlowly(server.port, request, { delayMs: 50 });
    let finished = false;
    const others: number[] = [];
    const served = (async () => {
      while (!finished) {
        others.push((await fetch(`${server.url}/currencies?limit=1`)).status);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const answer = await slow.answer;
    finished = true;
    await served;
    expect(slow.bytesWritten()).toBeLessThan(Buffer.byteLength(request));
    expect(expectEnvelopeAnswer(answer, 408)).toBe('The request was not sent in time.');
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others)).toEqual(new Set([200]));
  });

  it('cuts off a client that sends its body too slowly, and writes nothing', async () => {
    const before = server.snapshot();
    const body = contactBodyOfSize(150, 'Dribbled');
    const request =
      `POST /api/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${server.tokens.demo}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const socket = connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (d) => received.push(d));
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(request);
    let sent = 0;
    const dribble = setInterval(() => {
      if (sent < body.length && !socket.destroyed) socket.write(body[sent++]);
    }, 50);
    await closed;
    clearInterval(dribble);
    expect(sent).toBeLessThan(body.length);
    const text = Buffer.concat(received).toString('latin1');
    expect(text.startsWith('HTTP/1.1 408 ')).toBe(true);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual(envelope('The request was not sent in time.'));
    expect(server.snapshot()).toBe(before);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', () => {});
    const closed = new Promise<'closed'>((resolve) => socket.on('close', () => resolve('closed')));
    socket.write('GET /api/currencies?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    // Node's own default would keep the connection for 5 s; the configured 300 ms closes it well before 3 s.
    const outcome = await Promise.race([closed, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 3_000))]);
    socket.destroy();
    expect(text.startsWith('HTTP/1.1 200 ')).toBe(true);
    expect(outcome).toBe('closed');
  });
});
