/**
 * The runtime of the generated MSW handlers: one `http.<method>` handler per operation that checks the request the
 * way Prism does (bearer token, path and query parameters, JSON or multipart body, with the generated zod schemas)
 * and answers a documented example, or the status, example or body a test asked for.
 *
 * scripts/lib/msw.ts copies this file as it is into generated/msw/runtime.gen.ts. It imports msw alone (and zod's
 * types), no `node:` module and no file of the repository, so it runs under msw/node and with msw/browser's
 * service worker alike; the facts of each operation (metadata, examples, schemas) are handed to it by the
 * generated handlers.gen.ts.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ZodType, core } from 'zod';

/** The parts of an operation's metadata (generated/server/operations.gen.ts) the handler reads. */
export interface OperationFacts {
  readonly operationId: string;
  readonly method: string;
  /** The OpenAPI path template, relative to the API base (`/contacts/{id}`). */
  readonly path: string;
  readonly successStatus: number;
  readonly authRequired: boolean;
  readonly pathParams: Readonly<Record<string, { readonly type: string }>>;
  readonly queryParams: Readonly<Record<string, { readonly type: string }>>;
  readonly paging: { readonly maxLimit: number } | null;
  readonly sort: { readonly values: readonly string[] } | null;
  readonly requestContentType: string | null;
}

/** One documented status of an operation: its declared headers (with their example values) and its examples. */
export interface DocumentedResponse {
  readonly headers: Readonly<Record<string, string>>;
  /** The named examples, in the spec's order; the first is the default answer. */
  readonly examples?: Readonly<Record<string, unknown>>;
  /** The example of a status without named ones. */
  readonly example?: unknown;
}

/** The facts of the whole contract the checks need (generated/server/contract.gen.ts). */
export interface MockContract {
  readonly errorCodes: Readonly<Record<number, { readonly status: number; readonly message: string }>>;
  readonly globalSortValues: readonly string[];
}

/** Everything a handler knows about its operation. */
export interface MockOperation {
  readonly contract: MockContract;
  readonly meta: OperationFacts;
  /** Every documented status with a number, by status. */
  readonly responses: Readonly<Record<number, DocumentedResponse>>;
  /** The generated zod schemas of the request (`z<Prefix>Path`, `z<Prefix>Query`, `z<Prefix>Body`). */
  readonly schemas: { readonly path?: ZodType; readonly query?: ZodType; readonly body?: ZodType };
  /** The multipart fields that carry files (`format: binary`). */
  readonly fileFields?: readonly string[];
  /** The path templates of operations of the same method that this one's pattern also matches, and that win. */
  readonly shadowedBy?: readonly string[];
}

/** What an operation may answer with one status: the status's body type and the names of its examples. */
export interface StatusMock {
  body: unknown;
  example: string;
}

type Answer<Entry extends StatusMock> = { example?: Entry['example']; body?: never } | { body: Entry['body']; example?: never };

/**
 * The overrides of one operation's handler, `M` being its generated `<Prefix>Mock` table: a named example of the
 * success status (`{ example: 'partial' }`), another documented status with its example (`{ status: 404 }`,
 * `{ status: 400, example: 'invalidSort' }`), or a body of the status's type (`{ body }`). `once` makes the
 * handler answer a single request (MSW's own option). The request checks come first, whatever the options: a call
 * without a token still gets 401.
 */
export type MockOptions<M extends { [S in keyof M]: StatusMock }, Success extends keyof M> = { once?: boolean } & (
  | ({ status?: Success } & Answer<M[Success]>)
  | { [S in Exclude<keyof M, Success>]: { status: S } & Answer<M[S]> }[Exclude<keyof M, Success>]
);

/** The same options, untyped, as the runtime reads them. */
export interface AnyMockOptions {
  status?: number;
  example?: string;
  body?: unknown;
  once?: boolean;
}

type MswMethod = Exclude<keyof typeof http, 'all'>;
const MSW_METHODS: readonly string[] = ['get', 'post', 'put', 'delete', 'patch', 'head', 'options'] satisfies MswMethod[];

/** Monica's error codes the checks answer with (their statuses and messages come from the contract's table). */
const LIMIT_TOO_BIG = 30;
const NOT_FOUND = 31;
const VALIDATION_FAILED = 32;
const INVALID_JSON = 37;
const INVALID_SORT = 39;

/** `/contacts/{id}` → `*\/api/contacts/:id`: any origin and any base path that ends in `/api`. */
export function mswPath(template: string): string {
  return `*/api${template.replace(/\{([^}]+)\}/g, ':$1')}`;
}

/** A pattern for the end of a URL's path (after `/api`) that names this template. */
function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')))
    .join('/');
  return new RegExp(`/api${source}/?$`);
}

/** The example a documented status answers: the one named, else its first named example, else its example. */
export function exampleOf(op: MockOperation, status: number, name?: string): unknown {
  const documented = op.responses[status];
  if (!documented) throw new Error(`${op.meta.operationId} documents no ${status} response`);
  const examples = documented.examples ?? {};
  if (name === undefined) return Object.keys(examples).length > 0 ? Object.values(examples)[0] : documented.example;
  if (!Object.hasOwn(examples, name)) {
    const known = Object.keys(examples).join(', ') || 'none';
    throw new Error(`${op.meta.operationId} has no example "${name}" for ${status} (its examples: ${known})`);
  }
  return examples[name];
}

/** A JSON answer with a documented status and the headers that status declares. */
function respond(op: MockOperation, status: number, body: unknown): Response {
  const headers = { ...op.responses[status]?.headers };
  return body === undefined ? new HttpResponse(null, { status, headers }) : HttpResponse.json(body, { status, headers });
}

/** Monica's error envelope for a code, when the operation documents the code's status (else nothing: let it pass). */
function refuse(op: MockOperation, code: number, message?: readonly string[]): Response | undefined {
  const known = op.contract.errorCodes[code];
  if (!known || !op.responses[known.status]) return undefined;
  return respond(op, known.status, { error: { message: message ?? known.message, error_code: code } });
}

function hasBearerToken(request: Request): boolean {
  return /^Bearer\s+\S/i.test(request.headers.get('authorization') ?? '');
}

/** Path and query values arrive as text: integers and numbers are parsed where the metadata says so. */
function parseParams(values: Record<string, string>, params: OperationFacts['pathParams']): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    const type = params[name]?.type;
    if (type === 'integer' && /^-?\d{1,15}$/.test(value)) out[name] = Number(value);
    if (type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) out[name] = Number(value);
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** One zod issue as a sentence in the style of Monica's (Laravel's) messages: `The first name field is required.` */
function describeIssue(issue: core.$ZodIssue, input: unknown): string {
  const field = issue.path.map(String).join('.').replace(/_/g, ' ') || 'body';
  const value = valueAt(input, issue.path);
  if (value === undefined || (issue.path.length > 0 && value === '')) return `The ${field} field is required.`;
  switch (issue.code) {
    case 'too_big':
      return `The ${field} may not be greater than ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}.`;
    case 'too_small':
      return `The ${field} must be at least ${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}.`;
    case 'invalid_format':
      // `\S` is how the spec says "not only spaces": for a client that is a missing value.
      return issue.pattern === '/\\S/' ? `The ${field} field is required.` : `The ${field} format is invalid.`;
    case 'invalid_value':
      return `The selected ${field} is invalid.`;
    case 'invalid_type':
      return `The ${field} must be ${issue.expected === 'int' ? 'an integer' : `of type ${issue.expected}`}.`;
    default:
      return `The ${field} is invalid.`;
  }
}

/** The problems zod finds in a value, one sentence each, or none. */
function problems(schema: ZodType | undefined, value: unknown): string[] {
  if (!schema) return [];
  const result = schema.safeParse(value);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => describeIssue(issue, value)))];
}

/** The request body as the schema sees it (with the problems found on reading it), or `invalid` for JSON that does not parse. */
async function readBody(op: MockOperation, request: Request): Promise<{ value: unknown; problems: string[] } | 'invalid'> {
  if (op.meta.requestContentType === 'multipart/form-data') {
    const form = await request.formData().catch(() => undefined);
    const value: Record<string, unknown> = {};
    const found: string[] = [];
    const files = new Set(op.fileFields ?? []);
    for (const [name, entry] of form?.entries() ?? []) {
      // The zod schemas read a file part as text (`format: binary`): a file stands there as its name.
      if (!files.has(name)) value[name] = entry;
      else if (typeof entry === 'string') found.push(`The ${name.replace(/_/g, ' ')} must be a file.`);
      else value[name] = entry.name || 'file';
    }
    return { value, problems: found };
  }
  const text = await request.text();
  if (text.trim() === '') return { value: {}, problems: [] };
  try {
    return { value: JSON.parse(text) as unknown, problems: [] };
  } catch {
    return 'invalid';
  }
}

/** The answer of the checks, in Monica's order (token, sort, limit, path, query, body), or nothing when all pass. */
async function check(op: MockOperation, request: Request, pathValues: Record<string, string>): Promise<Response | undefined> {
  const { meta, contract } = op;
  if (meta.authRequired && op.responses[401] && !hasBearerToken(request)) return respond(op, 401, exampleOf(op, 401));
  const query = new URL(request.url).searchParams;
  const sort = query.get('sort');
  if (sort !== null && (!contract.globalSortValues.includes(sort) || (meta.sort && !meta.sort.values.includes(sort)))) {
    const refused = refuse(op, INVALID_SORT);
    if (refused) return refused;
  }
  const limit = query.get('limit');
  if (meta.paging && limit !== null && /^\d+$/.test(limit) && Number(limit) > meta.paging.maxLimit) {
    const refused = refuse(op, LIMIT_TOO_BIG);
    if (refused) return refused;
  }
  // A path parameter that cannot be what it names names nothing.
  if (problems(op.schemas.path, parseParams(pathValues, meta.pathParams)).length > 0) {
    const refused = refuse(op, NOT_FOUND);
    if (refused) return refused;
  }
  const found = problems(op.schemas.query, parseParams(Object.fromEntries(query), meta.queryParams));
  if (meta.requestContentType !== null) {
    const body = await readBody(op, request);
    if (body === 'invalid') {
      const refused = refuse(op, INVALID_JSON);
      if (refused) return refused;
    } else {
      found.push(...body.problems, ...problems(op.schemas.body, body.value));
    }
  }
  return found.length > 0 ? refuse(op, VALIDATION_FAILED, found) : undefined;
}

/** MSW's path parameters (text, or lists for repeated segments) as plain strings. */
function textParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) out[name] = typeof value === 'string' ? value : value.join('/');
  return out;
}

/**
 * The MSW handler of an operation: at any base URL ending in `/api`, it checks the request and answers the
 * documented example of the operation's success status, or what `options` ask for. A request that names an
 * operation this one's pattern shadows (`/me/compliance` for `/me/{id}`) is passed on to the next handler.
 */
export function mockHandler(op: MockOperation, options: AnyMockOptions = {}): HttpHandler {
  const method = op.meta.method;
  if (!MSW_METHODS.includes(method)) throw new Error(`${op.meta.operationId}: MSW has no handler for ${method}`);
  const status = options.status ?? op.meta.successStatus;
  const body = options.body !== undefined ? options.body : exampleOf(op, status, options.example);
  const shadowing = (op.shadowedBy ?? []).map(templatePattern);
  return http[method as MswMethod](
    mswPath(op.meta.path),
    async ({ request, params }) => {
      const { pathname } = new URL(request.url);
      if (shadowing.some((pattern) => pattern.test(pathname))) return undefined;
      return (await check(op, request, textParams(params))) ?? respond(op, status, body);
    },
    { once: options.once ?? false },
  );
}
