// Calls to the control API (server/control/openapi.yaml), each answer checked against that document: the status must
// be one the operation lists, and a JSON body must be valid against the schema documented for it (Ajv, JSON Schema
// 2020-12, formats included).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadControlSpec } from '../../server/control/spec.js';

export const controlDocument = loadControlSpec().document as { paths: Record<string, Record<string, any>>; components: Record<string, any> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'control', components: controlDocument.components }, 'control');

/** A part of the document, through a `$ref` to `#/components/...` when it is one. */
export function resolveControlRef<T = any>(node: T): T {
  const ref = (node as { $ref?: string } | undefined)?.$ref;
  if (!ref) return node;
  return ref.slice(2).split('/').reduce((at: any, key) => at[key], controlDocument) as T;
}

const validators = new Map<string, ReturnType<Ajv2020['compile']>>();
function validatorFor(schema: unknown) {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(JSON.parse(key.replace(/"\$ref":"#\//g, '"$ref":"control#/')));
    validators.set(key, validate);
  }
  return validate;
}

/** The document's path template for a request path (`/accounts/3/reset` → `/accounts/{id}/reset`). */
function templateOf(path: string): string | undefined {
  return Object.keys(controlDocument.paths).find((template) =>
    new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

/** What is wrong with an answer according to the document (empty when nothing is). */
export function controlAnswerProblems(method: string, path: string, status: number, contentType: string | null, body: unknown): string[] {
  const template = templateOf(path);
  const operation = template ? controlDocument.paths[template]![method.toLowerCase()] : undefined;
  // Paths and methods the document does not list answer its Error (404, 405); so does a refusal before routing.
  const response = resolveControlRef(operation?.responses?.[String(status)]) ?? (status >= 400 ? controlDocument.components.responses.NotFound : undefined);
  if (!response) return [`${method} ${path}: status ${status} is not documented`];
  const media = Object.keys(response.content ?? {});
  if (!media.some((type) => (contentType ?? '').startsWith(type))) return [`${method} ${path}: content type ${contentType} is not one of ${media.join(', ')}`];
  if (!(contentType ?? '').startsWith('application/json')) return [];
  const validate = validatorFor(response.content['application/json'].schema);
  return validate(body) ? [] : [`${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`];
}

export interface ControlAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** What the document finds wrong with it. */
  problems: string[];
}

export interface ControlRequest {
  body?: unknown;
  /** A raw body, sent as is. */
  raw?: string;
  headers?: Record<string, string>;
}

/** `request(method, path)` against one server's control API (`controlUrl` ends in `/_control`). */
export function controlRequester(controlUrl: string, defaults: Record<string, string> = {}) {
  return async <T = any>(method: string, path: string, request: ControlRequest = {}): Promise<ControlAnswer<T>> => {
    const headers: Record<string, string> = { ...defaults, ...request.headers };
    if (request.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${controlUrl}${path}`, {
      method,
      headers,
      body: request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type');
    const body = contentType?.startsWith('application/json') ? JSON.parse(text) : text;
    return { status: res.status, headers: res.headers, body, text, problems: controlAnswerProblems(method, path.split('?')[0]!, res.status, contentType, body) };
  };
}
