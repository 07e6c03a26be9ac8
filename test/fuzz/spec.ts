// What the fuzzer knows about each operation, read from the operation table and the bundled 3.1 spec:
// its parameters and request body (to build inputs) and its documented responses (to judge the answers).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operations, type OperationMeta } from '../../generated/server/operations.gen.js';

export type Schema = Record<string, unknown>;
export type Spec = any;

export const SPEC_PATH = fileURLToPath(new URL('../../generated/openapi.json', import.meta.url));
export const spec: Spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));

export interface ParameterInfo {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface FuzzOperation extends Omit<OperationMeta, 'pathParams' | 'queryParams'> {
  pathParams: ParameterInfo[];
  queryParams: ParameterInfo[];
  body?: { contentType: string; required: boolean; schema: Schema };
  /** Documented status -> JSON pointer (into the spec) of the response body's schema, if it has one. */
  responses: Map<number, string | undefined>;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows `$ref`s until a node that is not a reference; returns the node and its JSON pointer. */
export function follow(pointer: string): { node: Schema; pointer: string } {
  let node = at(pointer);
  let where = pointer;
  while (node && typeof node.$ref === 'string') {
    where = (node.$ref as string).slice(1);
    node = at(where);
  }
  return { node, pointer: where };
}

export function at(pointer: string): Schema {
  return pointer
    .split('/')
    .slice(1)
    .reduce((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
}

/** A schema with its top-level `$ref` (and those of `allOf` members) resolved, for generating values. */
export function resolveSchema(schema: Schema | undefined): Schema {
  if (!schema) return {};
  let node = schema;
  while (typeof node.$ref === 'string') {
    const { $ref, ...siblings } = node;
    node = { ...at(($ref as string).slice(1)), ...siblings };
  }
  return node;
}

function describeOperation(op: OperationMeta): FuzzOperation {
  const pathPointer = `/paths/${escapePointer(op.path)}`;
  const pathItem: Spec = at(pathPointer);
  const operation: Spec = pathItem[op.method];
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p: Schema) => resolveSchema(p));
  const toInfo = (p: Schema): ParameterInfo => ({
    name: p.name as string,
    in: p.in as 'path' | 'query',
    required: p.required === true,
    schema: resolveSchema(p.schema as Schema),
  });
  let body: FuzzOperation['body'];
  if (operation.requestBody) {
    const requestBody = resolveSchema(operation.requestBody);
    const [contentType, media] = Object.entries(requestBody.content as Record<string, Schema>)[0]!;
    body = { contentType, required: requestBody.required === true, schema: media.schema as Schema };
  }
  const responses = new Map<number, string | undefined>();
  for (const status of Object.keys(operation.responses)) {
    const { node, pointer } = follow(`${pathPointer}/${op.method}/responses/${status}`);
    const content = node.content as Record<string, Schema> | undefined;
    const media = content?.['application/json'];
    responses.set(Number(status), media?.schema ? `${pointer}/content/application~1json/schema` : undefined);
  }
  return {
    ...op,
    pathParams: parameters.filter((p: Schema) => p.in === 'path').map(toInfo),
    queryParams: parameters.filter((p: Schema) => p.in === 'query').map(toInfo),
    body,
    responses,
  };
}

/** Every operation of the table, in spec order. */
export const fuzzOperations: FuzzOperation[] = Object.values(operations).map((op) => describeOperation(op as OperationMeta));

/**
 * The HTTP status that goes with each error code, read from the table in the ErrorCode schema's description
 * (`| 31 | 404 | ... |`), so the fuzzer judges codes by what the contract says.
 */
export function errorCodeStatuses(): Map<number, number> {
  const description = String(spec.components.schemas.ErrorCode.description);
  const map = new Map<number, number>();
  for (const match of description.matchAll(/^\|\s*(\d+)\s*\|\s*(\d{3})\s*\|/gm)) map.set(Number(match[1]), Number(match[2]));
  if (map.size === 0) throw new Error('the ErrorCode description has no code/status table');
  return map;
}
