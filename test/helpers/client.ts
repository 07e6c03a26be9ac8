// SDK clients bound to one server and one token, and a log of every response they (and rawRequest) saw.
import { createClient, createConfig, type Client } from '../../generated/client/client/index.js';

export interface LoggedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

/** Every response any test client received, in order; checked as a whole at the end of the file. */
export const responseLog: LoggedResponse[] = [];

async function record(request: Request, response: Response): Promise<void> {
  responseLog.push({
    method: request.method,
    url: request.url,
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.clone().text(),
  });
}

/** A client of the generated SDK for `baseUrl`, sending `token` as a bearer token (none when undefined). */
export function clientFor(baseUrl: string, token?: string): Client {
  const client = createClient(createConfig({ baseUrl, auth: token }));
  client.interceptors.response.use(async (response, request) => {
    await record(request, response);
    return response;
  });
  return client;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * A request the SDK cannot send (a body that is not JSON). `path` is relative to the API base URL.
 */
export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  const request = new Request(`${baseUrl}${path}`, { method, headers, body: options.body });
  const response = await fetch(request);
  await record(request, response);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
