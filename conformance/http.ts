// One plain request to a Monica-compatible API: a JSON body or a multipart form, a bearer token when given, and the
// answer as status, headers, text and parsed JSON (undefined when the text is not JSON).
import type { Json } from './contract.js';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
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
export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
