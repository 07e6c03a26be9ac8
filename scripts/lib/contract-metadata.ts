/**
 * The facts code needs about each operation, read from the bundle once at generation time so that nothing
 * types them again: parameter types, paging limits, sort values and the field each sorts by, the request body's
 * content type and which of its fields name other resources (`x-references`), and the resource an operation
 * reads or writes. Plus the facts of the whole contract: the error-code table (`x-error-codes` on `ErrorCode`),
 * Monica's global sort list and the resources with their operations.
 */
import {
  isObject,
  nodeAt,
  objectShape,
  resolveRef,
  schemaTypes,
  type Json,
  type JsonObject,
} from '../../contract/document.js';
import type { OperationInfo } from './operations.js';

export interface ParamMeta {
  /** The JSON type the value has once parsed (`integer`, `string`, `boolean`, `number`). */
  type: string;
  required: boolean;
  /** The resource collection an id names (`x-references`), for path ids. */
  references?: string;
  /** The allowed values, when the schema lists them. */
  enum?: (string | number)[];
}

export interface SortMeta {
  /** Every accepted value, ascending and descending (`-` prefix), in the spec's order. */
  values: string[];
  /** The fields of the listed objects the values sort by (the value without its `-`); the store's columns share these names. */
  fields: string[];
  /** The field the list is ordered by when no `sort` is given (ascending). */
  defaultField: string;
}

export interface PagingMeta {
  defaultLimit: number;
  maxLimit: number;
}

export interface BodyReference {
  /** The resource collection the field's ids name (`contacts`, `tags`, `emotions`...). */
  resource: string;
  /** True when the field holds a list of ids. */
  isArray: boolean;
  nullable: boolean;
}

export interface OperationMetadata {
  /** The tag's name as a module name: `Journal entries` → `journalEntries`. */
  module: string | null;
  pathParams: Record<string, ParamMeta>;
  queryParams: Record<string, ParamMeta>;
  paging: PagingMeta | null;
  /** Set on lists that order by `sort`; lists that only accept Monica's global list have `null`. */
  sort: SortMeta | null;
  requestContentType: string | null;
  /** Request body fields whose values are ids of other resources. */
  bodyReferences: Record<string, BodyReference>;
}

export interface ErrorCodeMeta {
  code: number;
  status: number;
  message: string;
}

export interface ResourceMeta {
  list?: string;
  create?: string;
  get?: string;
  update?: string;
  delete?: string;
  /** The list of one contact's objects (`GET /contacts/{id}/notes`). */
  listForContact?: string;
}

/** `Journal entries` → `journalEntries`, `User` → `user`. */
export function moduleName(tag: string): string {
  const words = tag.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
}

function paramType(doc: JsonObject, schema: Json | undefined): string {
  const types = schemaTypes(doc, schema).filter((t) => t !== 'null');
  return types[0] ?? 'string';
}

function parametersOf(doc: JsonObject, op: OperationInfo): JsonObject[] {
  const item = nodeAt(doc, `/paths/${op.path.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  const operation = isObject(item) ? item[op.method] : undefined;
  const shared = isObject(item) && Array.isArray(item['parameters']) ? item['parameters'] : [];
  const own = isObject(operation) && Array.isArray(operation['parameters']) ? operation['parameters'] : [];
  return [...shared, ...own].map((p) => resolveRef(doc, p)).filter(isObject);
}

function specOperation(doc: JsonObject, op: OperationInfo): JsonObject {
  const item = (doc['paths'] as JsonObject)[op.path] as JsonObject;
  return item[op.method] as JsonObject;
}

export function operationMetadata(doc: JsonObject, op: OperationInfo): OperationMetadata {
  const pathParams: Record<string, ParamMeta> = {};
  const queryParams: Record<string, ParamMeta> = {};
  let paging: PagingMeta | null = null;
  let sort: SortMeta | null = null;
  for (const param of parametersOf(doc, op)) {
    const name = String(param['name']);
    const schema = resolveRef(doc, param['schema']);
    const meta: ParamMeta = { type: paramType(doc, param['schema']), required: param['required'] === true };
    if (typeof param['x-references'] === 'string') meta.references = param['x-references'];
    if (isObject(schema) && Array.isArray(schema['enum'])) meta.enum = schema['enum'] as (string | number)[];
    if (param['in'] === 'path') pathParams[name] = meta;
    if (param['in'] !== 'query') continue;
    queryParams[name] = meta;
    if (name === 'limit' && isObject(schema)) {
      if (typeof schema['default'] !== 'number' || typeof schema['maximum'] !== 'number') {
        throw new Error(`${op.operationId}: the limit parameter needs a default and a maximum`);
      }
      paging = { defaultLimit: schema['default'], maxLimit: schema['maximum'] };
    }
    if (name === 'sort' && typeof param['x-default-sort'] === 'string') {
      const values = (meta.enum ?? []).map(String);
      if (values.length === 0) throw new Error(`${op.operationId}: a sort parameter with x-default-sort needs an enum`);
      const fields = [...new Set(values.map((v) => v.replace(/^-/, '')))];
      if (!fields.includes(param['x-default-sort'])) throw new Error(`${op.operationId}: x-default-sort is not one of its values`);
      sort = { values, fields, defaultField: param['x-default-sort'] };
    }
  }

  let requestContentType: string | null = null;
  const bodyReferences: Record<string, BodyReference> = {};
  const body = resolveRef(doc, specOperation(doc, op)['requestBody']);
  if (isObject(body) && isObject(body['content'])) {
    const [contentType, media] = Object.entries(body['content'])[0] ?? [];
    requestContentType = contentType ?? null;
    const { properties } = objectShape(doc, isObject(media) ? media['schema'] : undefined);
    for (const [field, property] of Object.entries(properties)) {
      const types = schemaTypes(doc, property);
      const items = isObject(property['items']) ? property['items'] : undefined;
      const itemRefs = items ? resolveRef(doc, items) : undefined;
      const references =
        typeof property['x-references'] === 'string'
          ? property['x-references']
          : isObject(itemRefs) && typeof itemRefs['x-references'] === 'string'
            ? itemRefs['x-references']
            : undefined;
      if (references) {
        bodyReferences[field] = { resource: references, isArray: types.includes('array'), nullable: types.includes('null') };
      }
    }
  }

  return {
    module: op.tag === null ? null : moduleName(op.tag),
    pathParams,
    queryParams,
    paging,
    sort,
    requestContentType,
    bodyReferences,
  };
}

/** The `x-error-codes` table of the `ErrorCode` schema, checked against its enum. */
export function errorCodes(doc: JsonObject): ErrorCodeMeta[] {
  const schema = nodeAt(doc, '/components/schemas/ErrorCode');
  const table = isObject(schema) ? schema['x-error-codes'] : undefined;
  if (!Array.isArray(table)) throw new Error('the ErrorCode schema has no x-error-codes table');
  const rows = table.map((row) => {
    if (!isObject(row) || typeof row['code'] !== 'number' || typeof row['status'] !== 'number' || typeof row['message'] !== 'string') {
      throw new Error(`x-error-codes: malformed row ${JSON.stringify(row)}`);
    }
    return { code: row['code'], status: row['status'], message: row['message'] };
  });
  const codes = isObject(schema) && Array.isArray(schema['enum']) ? schema['enum'] : [];
  const listed = rows.map((r) => r.code);
  if (JSON.stringify([...listed].sort()) !== JSON.stringify([...codes].sort())) {
    throw new Error(`x-error-codes lists ${listed.join(',')} but ErrorCode's enum is ${codes.join(',')}`);
  }
  return rows;
}

/** Monica's global sort list (the `SortCriterion` schema): every value any endpoint lets through. */
export function globalSortValues(doc: JsonObject): string[] {
  const schema = nodeAt(doc, '/components/schemas/SortCriterion');
  if (!isObject(schema) || !Array.isArray(schema['enum'])) throw new Error('the SortCriterion schema has no enum');
  return schema['enum'].map(String);
}

/**
 * The resources and the operations that list, create, read, update and delete them, keyed by the collection
 * name `x-references` uses: `/notes` lists and creates notes, a path ending in an id that references `notes`
 * reads, updates and deletes one, and `/contacts/{id}/notes` lists one contact's.
 */
export function resources(operations: readonly (OperationInfo & OperationMetadata)[]): Record<string, ResourceMeta> {
  const out: Record<string, ResourceMeta> = {};
  const entry = (name: string): ResourceMeta => (out[name] ??= {});
  const named = new Set<string>();
  for (const op of operations) {
    for (const p of Object.values(op.pathParams)) if (p.references) named.add(p.references);
    for (const ref of Object.values(op.bodyReferences)) named.add(ref.resource);
  }
  for (const op of operations) {
    const segments = op.path.split('/').slice(1);
    const last = segments[segments.length - 1]!;
    const lastParam = /^\{(.+)\}$/.exec(last)?.[1];
    if (lastParam) {
      const resource = op.pathParams[lastParam]?.references;
      // `/gifts/{id}/photo/{photoId}` names a photo but acts on the gift: only `/<resource>/{id}` counts.
      if (!resource || segments[segments.length - 2] !== resource) continue;
      const verb = ({ get: 'get', put: 'update', delete: 'delete' } as const)[op.method as 'get' | 'put' | 'delete'];
      if (verb) entry(resource)[verb] ??= op.operationId;
    } else if (segments.length === 1 && named.has(last)) {
      if (op.method === 'get') entry(last).list ??= op.operationId;
      if (op.method === 'post') entry(last).create ??= op.operationId;
    } else if (segments.length === 3 && segments[0] === 'contacts' && op.method === 'get' && named.has(last)) {
      entry(last).listForContact ??= op.operationId;
    } else if (segments.length === 3 && op.method === 'post' && named.has(last)) {
      entry(last).create ??= op.operationId;
    }
  }
  for (const name of named) entry(name);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
