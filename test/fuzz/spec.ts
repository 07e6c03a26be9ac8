// What the fuzzer knows about each operation, from the contract module: its parameters and request body (to
// build inputs, their schemas with every `$ref` inlined) and its documented responses (to judge the answers).
import { contract, operations, parameters, type Json, type OperationMeta } from '../../conformance/contract.js';
import { isObject } from '../../contract/index.js';

export type Schema = Record<string, any>;

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
  /** The documented example value, if the parameter has one. */
  example?: unknown;
}

export interface FuzzOperation extends Omit<OperationMeta, 'pathParams' | 'queryParams'> {
  pathParams: ParameterInfo[];
  queryParams: ParameterInfo[];
  body?: {
    contentType: string;
    required: boolean;
    schema: Schema;
    /** Top-level fields whose schema is the shared day schema (see DAY_SCHEMA): the server keeps only their day. */
    dayFields: string[];
  };
  /** Documented status -> JSON pointer (into the bundle) of the response body's schema, if it has one. */
  responses: Map<number, string | undefined>;
}

const inlined = (node: Json | undefined): Schema => (contract.inline(node) ?? {}) as Schema;

/**
 * The contract's schema for a day taken leniently (a date, or a date-time of which only the day is kept and which
 * is answered as that day): fields naming it are compared by their day, not as text.
 */
export const DAY_SCHEMA = '#/components/schemas/LenientDate';

const isNullSchema = (node: Json): boolean => isObject(node) && node['type'] === 'null' && Object.keys(node).every((k) => k === 'type' || k === 'description');

/**
 * Whether a schema (as the bundle writes it, `$ref`s not inlined) is the day schema: by its `$ref`, through other
 * `$ref`s, or as the only non-null branches of a `oneOf`/`anyOf` (a nullable day: `oneOf: [LenientDate, null]`).
 */
export function namesDay(node: Json | undefined, seen: readonly string[] = []): boolean {
  if (!isObject(node)) return false;
  const ref = node['$ref'];
  if (typeof ref === 'string') return ref === DAY_SCHEMA || (!seen.includes(ref) && namesDay(contract.at(ref), [...seen, ref]));
  const branches = node['oneOf'] ?? node['anyOf'];
  if (!Array.isArray(branches)) return false;
  const days = branches.filter((branch) => !isNullSchema(branch));
  return days.length > 0 && days.every((branch) => namesDay(branch, seen));
}

/** The top-level properties of a body schema (through `$ref` and `allOf`) whose schema is the day schema. */
function dayFieldsOf(schema: Json | undefined, seen: readonly string[] = []): string[] {
  if (!isObject(schema)) return [];
  const ref = schema['$ref'];
  if (typeof ref === 'string') return seen.includes(ref) ? [] : dayFieldsOf(contract.at(ref), [...seen, ref]);
  const fromParts = Array.isArray(schema['allOf']) ? schema['allOf'].flatMap((part) => dayFieldsOf(part, seen)) : [];
  const properties = isObject(schema['properties']) ? Object.entries(schema['properties']) : [];
  return [...new Set([...fromParts, ...properties.filter(([, property]) => namesDay(property)).map(([name]) => name)])];
}

function describeOperation(op: OperationMeta): FuzzOperation {
  const toInfo = (p: Schema): ParameterInfo => ({
    name: p['name'],
    in: p['in'],
    required: p['required'] === true,
    schema: inlined(p['schema']),
    ...(p['example'] !== undefined ? { example: p['example'] } : {}),
  });
  const all = parameters(op) as Schema[];
  let body: FuzzOperation['body'];
  const requestBody = contract.resolve(contract.specOperation(op.operationId)['requestBody']) as Schema | undefined;
  if (requestBody) {
    const [contentType, media] = Object.entries(requestBody['content'] as Record<string, Schema>)[0]!;
    body = { contentType, required: requestBody['required'] === true, schema: inlined(media['schema']), dayFields: dayFieldsOf(media['schema']) };
  }
  const responses = new Map<number, string | undefined>();
  for (const status of op.statuses) if (typeof status === 'number') responses.set(status, contract.responseSchemaPointer(op.operationId, status));
  return {
    ...op,
    pathParams: all.filter((p) => p['in'] === 'path').map(toInfo),
    queryParams: all.filter((p) => p['in'] === 'query').map(toInfo),
    body,
    responses,
  };
}

/** Every operation of the table, in spec order. */
export const fuzzOperations: FuzzOperation[] = operations.map(describeOperation);
