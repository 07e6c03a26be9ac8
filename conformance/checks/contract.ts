// What the checks read from the contract: the operation table, request bodies (their examples, required fields
// and property types) and query parameters. Everything is derived from generated/openapi.json, so a new
// operation in the spec gets its checks without code here.
import { operations as operationTable, type OperationMeta } from '../../generated/server/operations.gen.js';
import { resolvePointer, spec } from '../spec.js';

type Json = any;

export type Operation = OperationMeta;

export const operations: readonly Operation[] = Object.values(operationTable);

export function operation(operationId: string): Operation {
  const found = operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`the contract has no operation ${operationId}`);
  return found;
}

/** Operations by resource (their tag, else their path), in table order: checks made one per resource. */
export function byResource(ops: readonly Operation[]): Map<string, Operation[]> {
  const grouped = new Map<string, Operation[]>();
  for (const op of ops) {
    const resource = op.tag ?? op.path;
    grouped.set(resource, [...(grouped.get(resource) ?? []), op]);
  }
  return grouped;
}

/** Follows `$ref`s to the node they name. */
export function resolve(node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    current = resolvePointer(current.$ref);
  }
  return current;
}

function specOperation(op: Operation): Json {
  return spec.paths[op.path][op.method];
}

export interface RequestBody {
  contentType: string;
  /** The merged object schema: properties (resolved) and required names. */
  properties: Record<string, Json>;
  required: string[];
  /** The documented example (the media type's first example, else the schema's). */
  example: Record<string, unknown> | undefined;
}

/** The operation's request body as the contract describes it, or undefined when it takes none. */
export function requestBody(op: Operation): RequestBody | undefined {
  const declared = resolve(specOperation(op).requestBody);
  if (!declared?.content) return undefined;
  const [contentType, media] = Object.entries(declared.content as Record<string, Json>)[0];
  const schema = resolve(media.schema);
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  collectObject(schema, properties, required);
  const firstExample = media.examples ? resolve(Object.values(media.examples)[0])?.value : undefined;
  const example = media.example ?? firstExample ?? schema?.example;
  return { contentType, properties, required: [...new Set(required)], example: example === undefined ? undefined : structuredClone(example) };
}

function collectObject(schema: Json, properties: Record<string, Json>, required: string[]): void {
  const node = resolve(schema);
  if (!node) return;
  for (const part of node.allOf ?? []) collectObject(part, properties, required);
  for (const [name, property] of Object.entries(node.properties ?? {})) properties[name] = resolve(property);
  required.push(...(node.required ?? []));
}

/** The JSON types a schema lets through (`integer` counts as `number` here). */
export function allowedTypes(schema: Json): Set<string> {
  const node = resolve(schema);
  const types = new Set<string>();
  if (!node || typeof node !== 'object' || Object.keys(node).length === 0) return new Set(['string', 'number', 'boolean', 'object', 'array', 'null']);
  const declared = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  for (const type of declared) types.add(type === 'integer' ? 'number' : type);
  if (Array.isArray(node.enum)) for (const value of node.enum) types.add(jsonType(value));
  if ('const' in node) types.add(jsonType(node.const));
  for (const part of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) for (const type of allowedTypes(part)) types.add(type);
  for (const part of node.allOf ?? []) for (const type of allowedTypes(part)) types.add(type);
  if (declared.length === 0 && !node.enum && !('const' in node) && !node.oneOf && !node.anyOf && !node.allOf) {
    return new Set(['string', 'number', 'boolean', 'object', 'array', 'null']);
  }
  return types;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value of a JSON type the schema does not allow, or undefined when it allows every type. */
export function wrongTypeValue(schema: Json): unknown {
  const allowed = allowedTypes(schema);
  const candidates: Array<[string, unknown]> = [
    ['number', 12345],
    ['string', 'not-of-this-type'],
    ['boolean', true],
    ['object', { unexpected: 'object' }],
    ['array', ['unexpected']],
  ];
  const found = candidates.find(([type]) => !allowed.has(type));
  return found ? found[1] : undefined;
}

/** The operation's query parameters, resolved. */
export function queryParameters(op: Operation): Json[] {
  const item = spec.paths[op.path];
  return [...(item.parameters ?? []), ...(specOperation(op).parameters ?? [])].map(resolve).filter((p: Json) => p.in === 'query');
}

/** Lists: GET operations that take `limit`. */
export function listOperations(): Operation[] {
  return operations.filter((op) => op.method === 'get' && queryParameters(op).some((p) => p.name === 'limit'));
}

/** The `sort` values an operation accepts (empty when it has no documented ones). */
export function sortValues(op: Operation): string[] {
  const sort = queryParameters(op).find((p) => p.name === 'sort');
  return Array.isArray(sort?.schema?.enum) ? sort.schema.enum : [];
}

/** The `limit` maximum the contract gives an operation. */
export function limitMaximum(op: Operation): number | undefined {
  const limit = queryParameters(op).find((p) => p.name === 'limit');
  return typeof limit?.schema?.maximum === 'number' ? limit.schema.maximum : undefined;
}

export function documents(op: Operation, status: number): boolean {
  return op.statuses.includes(status);
}

/** The path parameters of a template, in order: `/conversations/{id}/messages/{messageId}` → ['id', 'messageId']. */
export function pathParameters(template: string): string[] {
  return (template.match(/\{[^}]+\}/g) ?? []).map((p) => p.slice(1, -1));
}

export function fillPath(template: string, values: Record<string, number | string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return String(values[name]);
  });
}
