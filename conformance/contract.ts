// What conformance reads from the contract: the contract module (contract/: the bundle, `$ref`s, one Ajv, the
// generated per-operation facts) and a few questions only conformance asks of it (resolved query parameters, a
// value of a type a schema refuses, a `limit` too big). Nothing here is typed from the spec by hand.
import {
  escapePointerToken,
  isObject,
  loadContract,
  operationPath,
  operations as operationTable,
  resources,
  type Json,
  type JsonObject,
  type OperationId,
  type OperationMeta,
  type RequestBodyShape,
  type ResourceName,
} from '../contract/index.js';

export { isObject, loadContract, resources };
export type { Json, JsonObject, OperationMeta, ResourceName };
export { responseProblems } from '../contract/responses.js';

export type Operation = OperationMeta;

export const contract = loadContract();

/** Every operation of the contract, in spec order. */
export const operations: readonly Operation[] = Object.values(operationTable);

export function operation(operationId: string): Operation {
  return contract.operation(operationId);
}

/** The operation with this method and path template (`GET`, `/contacts/{id}`). */
export function operationAt(method: string, template: string): Operation | undefined {
  return contract.operationAt(method, template);
}

/** The tag a check or a transaction is reported under (the path when an operation has none). */
export const tagOf = (op: Operation): string => op.tag ?? op.path;

/** Operations by resource (their tag), in table order: checks made one per resource. */
export function byResource(ops: readonly Operation[]): Map<string, Operation[]> {
  const grouped = new Map<string, Operation[]>();
  for (const op of ops) grouped.set(tagOf(op), [...(grouped.get(tagOf(op)) ?? []), op]);
  return grouped;
}

/** The operation's request body as the contract describes it (example copied), or undefined when it takes none. */
export function requestBody(op: Operation): RequestBodyShape | undefined {
  const body = contract.requestBody(op.operationId);
  return body && { ...body, example: body.example === undefined ? undefined : structuredClone(body.example) };
}

/** The operation's path parameters, in path order: `/conversations/{id}/messages/{messageId}` → id, messageId. */
export const pathParameters = (op: Operation): string[] => Object.keys(op.pathParams);

/** The operation's path with these values (`/notes/{id}` → `/notes/12`). */
export function pathOf(op: Operation, values: Record<string, number | string>): string {
  return operationPath(op.operationId as OperationId, values as never);
}

/** The operation's parameters, resolved (path-level ones first). */
export function parameters(op: Operation): JsonObject[] {
  const item = contract.at(`/paths/${escapePointerToken(op.path)}`);
  const own = contract.specOperation(op.operationId)['parameters'];
  const shared = isObject(item) && Array.isArray(item['parameters']) ? item['parameters'] : [];
  return [...shared, ...(Array.isArray(own) ? own : [])].map((p) => contract.resolve(p)).filter(isObject);
}

/** The operation's query parameters, resolved. */
export const queryParameters = (op: Operation): JsonObject[] => parameters(op).filter((p) => p['in'] === 'query');

/** Lists: the operations that page (they take `limit`). */
export const listOperations = (): Operation[] => operations.filter((op) => op.paging !== null);

/**
 * A `limit` every operation must refuse with 400 (code 30): one over the operation's own maximum, or over the
 * largest maximum of any list for an operation that does not page (the check is global, as in Monica).
 */
export function tooBigLimit(op: Operation): number {
  const maximum = op.paging?.maxLimit ?? Math.max(...listOperations().map((list) => list.paging!.maxLimit));
  return maximum + 1;
}

/** The `sort` values an operation accepts (empty when it does not sort). */
export const sortValues = (op: Operation): readonly string[] => op.sort?.values ?? [];

export const documents = (op: Operation, status: number): boolean => op.statuses.includes(status);

/** A query string the operation must refuse with 422: a value below a minimum, or outside an enum. */
export function invalidQuery(op: Operation): string | undefined {
  for (const parameter of queryParameters(op)) {
    const schema = contract.resolve(parameter['schema']);
    if (!isObject(schema)) continue;
    if (typeof schema['minimum'] === 'number') return `${String(parameter['name'])}=${schema['minimum'] - 1}`;
    if (Array.isArray(schema['enum'])) return `${String(parameter['name'])}=not-a-valid-value`;
  }
  return undefined;
}

const ANY_TYPE = ['string', 'number', 'boolean', 'object', 'array', 'null'];

/** The JSON types a schema lets through (`integer` counts as `number` here). */
export function allowedTypes(schema: Json | undefined): Set<string> {
  const node = contract.resolve(schema);
  if (!isObject(node) || Object.keys(node).length === 0) return new Set(ANY_TYPE);
  const types = new Set<string>();
  const declared = node['type'] === undefined ? [] : Array.isArray(node['type']) ? node['type'] : [node['type']];
  for (const type of declared) types.add(type === 'integer' ? 'number' : String(type));
  if (Array.isArray(node['enum'])) for (const value of node['enum']) types.add(jsonType(value));
  if ('const' in node) types.add(jsonType(node['const']));
  const parts = (key: string): Json[] => (Array.isArray(node[key]) ? (node[key] as Json[]) : []);
  for (const part of [...parts('oneOf'), ...parts('anyOf'), ...parts('allOf')]) for (const type of allowedTypes(part)) types.add(type);
  const constrained = declared.length > 0 || 'enum' in node || 'const' in node || 'oneOf' in node || 'anyOf' in node || 'allOf' in node;
  return constrained ? types : new Set(ANY_TYPE);
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value of a JSON type the schema does not allow, or undefined when it allows every type. */
export function wrongTypeValue(schema: Json | undefined): Json | undefined {
  const allowed = allowedTypes(schema);
  const candidates: Array<[string, Json]> = [
    ['number', 12345],
    ['string', 'not-of-this-type'],
    ['boolean', true],
    ['object', { unexpected: 'object' }],
    ['array', ['unexpected']],
  ];
  return candidates.find(([type]) => !allowed.has(type))?.[1];
}

/** The field to give a wrong type: a required one that is not an id if there is one, else any the body holds. */
export function wrongTypeField(op: Operation, valid: Record<string, unknown>): { field: string; value: Json } | undefined {
  const body = contract.requestBody(op.operationId);
  if (!body) return undefined;
  const names = Object.keys(body.properties);
  const isReference = (name: string) => name in op.bodyReferences;
  const ranked = [
    ...names.filter((n) => body.required.includes(n) && !isReference(n)),
    ...names.filter((n) => body.required.includes(n) && isReference(n)),
    ...names.filter((n) => !body.required.includes(n) && n in valid),
  ];
  for (const field of ranked) {
    const value = wrongTypeValue(body.properties[field]);
    if (value !== undefined) return { field, value };
  }
  return undefined;
}

/**
 * Data every account shares rather than owns: a resource the API only names (emotions), or one whose list is
 * public (terms, currencies). Any account may name it, so it has no place in isolation checks.
 */
export function isSharedReference(resource: string): boolean {
  const ops = (resources as Record<string, { list?: string }>)[resource];
  if (!ops) return false;
  if (Object.keys(ops).length === 0) return true;
  return ops.list !== undefined && !operation(ops.list).authRequired;
}

/** A day and the date-time forms real clients write it in (the spec policy's point 4). */
export const LENIENT_DAY = '2024-02-03';
export const dateTimeForms = (day: string): string[] => [
  `${day}T10:00:00`,
  `${day} 10:00:00`,
  `${day}T10:00:00Z`,
  `${day}T10:00:00+02:00`,
  `${day}T10:00:00.000000Z`,
];

/**
 * How a request field is lenient, read from its schema (whatever shared schema it names): `number`, a number
 * also taken written as a numeric string (`LenientId`, `LenientInteger`, amounts); `numbers`, a list of those;
 * `boolean`, also `1`/`0` and `"1"`/`"0"`; `date`, a day also taken as a date-time (`LenientDate`).
 */
export type Leniency = 'number' | 'numbers' | 'boolean' | 'date';

export interface LenientField {
  field: string;
  leniency: Leniency;
}

/** The fields of an operation's JSON body that take what Laravel's rules take, by what their schemas accept. */
export function lenientFields(op: Operation): LenientField[] {
  const body = contract.requestBody(op.operationId);
  if (body?.contentType !== 'application/json') return [];
  const found: LenientField[] = [];
  for (const [field, schema] of Object.entries(body.properties)) {
    const leniency = leniencyOf(schema);
    if (leniency) found.push({ field, leniency });
  }
  return found;
}

function leniencyOf(schema: JsonObject): Leniency | undefined {
  const validate = contract.schemaValidator(schema);
  const takes = (...values: Json[]) => values.every((value) => validate(value));
  // A schema that takes any word at all (an ignored field) is not lenient, only unconstrained.
  if (takes('not a number, day or boolean')) return undefined;
  if (takes(true, false, 1, 0, '1', '0')) return 'boolean';
  if (takes(1, '1')) return 'number';
  if (takes(LENIENT_DAY, ...dateTimeForms(LENIENT_DAY))) return 'date';
  if (takes([1], ['1']) && !takes(['not a number'])) return 'numbers';
  return undefined;
}
