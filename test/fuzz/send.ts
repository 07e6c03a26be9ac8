// Turns a resolved case (no markers left) into an HTTP request and reads the answer.
import { samplePdf, samplePng } from '../../conformance/fixtures/index.js';
import type { Auth, Body, FormValue, FuzzCase } from './cases.js';
import { nestedJson } from './nasty.js';
import type { FuzzOperation } from './spec.js';

export interface Tokens {
  demo: string;
  other: string;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as sent, for reports (cut when long). */
  bodyPreview?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  text: string;
  json: any;
  jsonError?: string;
}

function fileOf(value: Exclude<FormValue, string>): File {
  switch (value.file) {
    case 'png':
      return new File([samplePng], value.filename, { type: 'image/png' });
    case 'pdf':
      return new File([samplePdf], value.filename, { type: 'application/pdf' });
    case 'text':
      return new File(['just some text'], value.filename, { type: 'text/plain' });
    case 'empty':
      return new File([], value.filename, { type: 'application/octet-stream' });
  }
}

/** JSON text of a value, with a raw number literal or deeply nested JSON put in place of one field's value. */
export function jsonText(body: Extract<Body, { kind: 'json' }>): string {
  const raw = body.rawNumber ? { field: body.rawNumber.field, text: body.rawNumber.literal } : body.nested ? { field: body.nested.field, text: nestedJson(body.nested.kind, body.nested.depth) } : undefined;
  if (!raw) return JSON.stringify(body.value) ?? 'null';
  const placeholder = '__raw_value_placeholder__';
  const value = { ...(body.value as object), [raw.field]: placeholder };
  // A function as the replacement: the text is inserted as it is (`$&` and the like are not patterns here).
  return JSON.stringify(value).replace(JSON.stringify(placeholder), () => raw.text);
}

function encodeBody(body: Body, headers: Record<string, string>): { payload: BodyInit; preview: string } {
  switch (body.kind) {
    case 'json': {
      const text = jsonText(body);
      headers['Content-Type'] = body.contentType ?? 'application/json';
      if (headers['Content-Type'] === '') delete headers['Content-Type'];
      return { payload: text, preview: text };
    }
    case 'text':
      if (body.contentType) headers['Content-Type'] = body.contentType;
      return { payload: body.text, preview: body.text };
    case 'bytes':
      headers['Content-Type'] = body.contentType;
      return { payload: Buffer.from(body.hex, 'hex'), preview: `bytes ${body.hex}` };
    case 'form': {
      if (body.encoding === 'urlencoded') {
        const params = new URLSearchParams(body.fields.map(([k, v]) => [k, typeof v === 'string' ? v : v.filename]));
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        return { payload: params.toString(), preview: params.toString() };
      }
      const form = new FormData();
      for (const [name, value] of body.fields) {
        if (value && typeof value === 'object' && 'file' in value) form.append(name, fileOf(value), value.filename);
        else form.append(name, String(value));
      }
      return { payload: form, preview: `multipart ${JSON.stringify(body.fields)}` };
    }
  }
}

/**
 * A query name or value as OpenAPI sends one (`allowReserved: false`): every reserved character percent-encoded,
 * a space as `%20` (not the form encoding's `+`, which is a reserved character of its own).
 */
export const encodeQuery = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

function authHeader(auth: Auth, tokens: Tokens): string | undefined {
  if (auth === 'none') return undefined;
  if (auth === 'demo') return `Bearer ${tokens.demo}`;
  if (auth === 'other') return `Bearer ${tokens.other}`;
  return auth.header;
}

export function buildRequest(op: FuzzOperation, c: FuzzCase, baseUrl: string, tokens: Tokens): { request: SentRequest; init: RequestInit } {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => String(c.path[name] ?? ''));
  const query = c.query.length > 0 ? `?${c.query.map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`).join('&')}` : '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const auth = authHeader(c.auth, tokens);
  if (auth !== undefined) headers.Authorization = auth;
  const method = op.method.toUpperCase();
  const init: RequestInit = { method, headers, signal: AbortSignal.timeout(30_000) };
  let preview: string | undefined;
  if (c.body && method !== 'GET') {
    const { payload, preview: p } = encodeBody(c.body, headers);
    init.body = payload;
    preview = p.length > 300 ? `${p.slice(0, 300)}... (${p.length} characters)` : p;
  }
  return { request: { method, url: `${baseUrl}${path}${query}`, headers, bodyPreview: preview }, init };
}

function isStaleSocket(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET' || /other side closed/i.test(cause?.message ?? '');
}

export async function send(op: FuzzOperation, c: FuzzCase, baseUrl: string, tokens: Tokens): Promise<{ request: SentRequest; answer: Answer }> {
  const { request, init } = buildRequest(op, c, baseUrl, tokens);
  let res: Response;
  let text: string;
  try {
    try {
      res = await fetch(request.url, init);
    } catch (err) {
      // A kept-alive socket the server closed as idle just as it was reused (a race of client and server
      // timeouts on a loaded machine) fails before the request reaches the server: try once on a new socket.
      if (!isStaleSocket(err) || init.body instanceof ReadableStream) throw err;
      res = await fetch(request.url, { ...init, signal: AbortSignal.timeout(30_000) });
    }
    text = await res.text();
  } catch (err) {
    // A dropped connection or a timeout is a finding too: say which request and why.
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${request.method} ${request.url.slice(0, 300)} got no answer: ${(err as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}; body: ${request.bodyPreview ?? '(none)'}`);
  }
  const answer: Answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: Object.fromEntries(res.headers), text, json: undefined };
  try {
    answer.json = JSON.parse(text);
  } catch (err) {
    answer.jsonError = (err as Error).message;
  }
  return { request, answer };
}
