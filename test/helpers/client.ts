// SDK clients bound to one server and one token. Every response they (and rawRequest) receive is checked against
// the contract as it arrives, and a response that breaks it fails the call, so the test that caused it fails.
import { createClient, createConfig, type Client } from '../../generated/client/client/index.js';
import { loadContract } from '../../contract/index.js';
import { responseProblems } from '../../contract/responses.js';

const contract = loadContract();
/** The body of an answer to a path the contract does not have: Monica's error envelope. */
const ERROR_SCHEMA = '/components/schemas/Error';

/** The operation a request is for, or undefined (an unknown path, or a path that is not valid percent-encoding). */
function operationOf(request: Request) {
  try {
    return contract.findOperation(request.method, request.url)?.operation;
  } catch {
    return undefined;
  }
}

/** What is wrong with a response by the contract: its operation's documented answers, or the envelope elsewhere. */
export function contractProblems(request: Request, status: number, headers: Headers, body: string): string[] {
  const operation = operationOf(request);
  if (operation) {
    return responseProblems({ method: operation.method, template: operation.path, status, headers: Object.fromEntries(headers), body }, contract);
  }
  const problems: string[] = [];
  if (!/^application\/json\b/.test(headers.get('content-type') ?? '')) problems.push(`Content-Type is ${headers.get('content-type')}, expected JSON`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [...problems, `the body is not JSON: ${JSON.stringify(body.slice(0, 80))}`];
  }
  const validate = contract.validator(ERROR_SCHEMA);
  if (!validate(json)) problems.push(`the body is not the error envelope: ${JSON.stringify(validate.errors)}`);
  return problems;
}

/** Throws (failing the request that got it) when a response breaks the contract. */
async function checkResponse(request: Request, response: Response): Promise<void> {
  const problems = contractProblems(request, response.status, response.headers, await response.clone().text());
  if (problems.length > 0) {
    const where = `${request.method} ${new URL(request.url).pathname} answered ${response.status}`;
    throw new Error(`${where}, which breaks the contract:\n  ${problems.join('\n  ')}`);
  }
}

/** A client of the generated SDK for `baseUrl`, sending `token` as a bearer token (none when undefined). */
export function clientFor(baseUrl: string, token?: string): Client {
  const client = createClient(createConfig({ baseUrl, auth: token }));
  client.interceptors.response.use(async (response, request) => {
    await checkResponse(request, response);
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
  await checkResponse(request, response);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
