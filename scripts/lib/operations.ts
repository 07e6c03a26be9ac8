/** The operations of a bundled OpenAPI document, in a stable order, as the server stubs and tests see them. */
import { compareStrings, isObject, type Json, type JsonObject } from './json.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationInfo {
  operationId: string;
  /** Lower-case, as Express router methods are named. */
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/contacts/{id}`. */
  path: string;
  /** Express 5 route, e.g. `/contacts/:id`. */
  expressPath: string;
  summary: string;
  tag: string | null;
  /** The lowest documented 2xx status. */
  successStatus: number;
  /** Every documented 2xx status, ascending. */
  successStatuses: number[];
  /** Every documented status: numbers ascending, then ranges (`4XX`) and `default`. */
  statuses: (number | string)[];
  /** False when the effective security is `[]` or allows anonymous access (`{}`). */
  authRequired: boolean;
}

/** Path-to-regexp 8 (Express 5) reserves these characters outside parameters. */
const EXPRESS_RESERVED = /[()[\]?+!*{}:\\]/g;

export function toExpressPath(openapiPath: string): string {
  let out = '';
  let last = 0;
  for (const match of openapiPath.matchAll(/\{([^}]+)\}/g)) {
    out += openapiPath.slice(last, match.index).replace(EXPRESS_RESERVED, (c) => `\\${c}`);
    const name = match[1]!;
    out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `:${name}` : `:${JSON.stringify(name)}`;
    last = match.index + match[0].length;
  }
  return out + openapiPath.slice(last).replace(EXPRESS_RESERVED, (c) => `\\${c}`);
}

function compareStatuses(a: string, b: string): number {
  const na = /^\d{3}$/.test(a);
  const nb = /^\d{3}$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1;
  if (a === 'default' || b === 'default') return a === 'default' ? (b === 'default' ? 0 : 1) : -1;
  return compareStrings(a, b);
}

function needsAuth(security: Json | undefined): boolean {
  if (!Array.isArray(security) || security.length === 0) return false;
  return !security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0);
}

export function listOperations(doc: JsonObject): OperationInfo[] {
  const operations: OperationInfo[] = [];
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const operationId = op['operationId'];
      if (typeof operationId !== 'string' || operationId === '') {
        throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      }
      if (seen.has(operationId)) throw new Error(`operationId ${operationId} is used twice`);
      seen.add(operationId);
      const responses = isObject(op['responses']) ? op['responses'] : {};
      const keys = Object.keys(responses).sort(compareStatuses);
      const successStatuses = keys.filter((k) => /^2\d\d$/.test(k)).map(Number);
      if (successStatuses.length === 0) throw new Error(`${operationId} documents no 2xx response`);
      const tags = Array.isArray(op['tags']) ? op['tags'] : [];
      operations.push({
        operationId,
        method,
        path,
        expressPath: toExpressPath(path),
        summary: typeof op['summary'] === 'string' ? op['summary'] : '',
        tag: typeof tags[0] === 'string' ? tags[0] : null,
        successStatus: successStatuses[0]!,
        successStatuses,
        statuses: keys.map((k) => (/^\d{3}$/.test(k) ? Number(k) : k)),
        authRequired: needsAuth(op['security'] ?? doc['security']),
      });
    }
  }
  return operations;
}
