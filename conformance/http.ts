// One plain request to a Monica-compatible API: a JSON body or a multipart form, a bearer token when given, and the
// answer as status, headers, text and parsed JSON (undefined when the text is not JSON).
import { nodeAt } from '../contract/document.js';
import type { Json } from './contract.js';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, or undefined when it is not JSON; read it with `valueAt`. */
  json: unknown;
}

export interface HttpOptions {
  body?: Json | FormData;
  /** A bearer token; none (or '') sends the request without one. */
  token?: string;
  headers?: Record<string, string>;
}

export async function request(baseUrl: string, method: string, path: string, options: HttpOptions = {}): Promise<HttpReply> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  const init: RequestInit = { method, headers };
  if (options.body instanceof FormData) init.body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), text, json: parseJson(text) };
}

/** The value a JSON text holds, or undefined when the text is not JSON (an empty body included). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The value at a JSON pointer of a parsed body (`valueAt(reply.json, '/data/0/id')`), or undefined. */
export function valueAt(json: unknown, pointer: string): Json | undefined {
  return json === undefined ? undefined : nodeAt(json as Json, pointer);
}
