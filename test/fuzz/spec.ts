// What the fuzzer knows about each operation, from the contract module: its parameters and request body (to
// build inputs, their schemas with every `$ref` inlined) and its documented responses (to judge the answers).
import { contract, operations, parameters, type Json, type OperationMeta } from '../../conformance/contract.js';

export type Schema = Record<string, any>;

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
  /** Documented status -> JSON pointer (into the bundle) of the response body's schema, if it has one. */
  responses: Map<number, string | undefined>;
}

const inlined = (node: Json | undefined): Schema => (contract.inline(node) ?? {}) as Schema;

function describeOperation(op: OperationMeta): FuzzOperation {
  const toInfo = (p: Schema): ParameterInfo => ({ name: p['name'], in: p['in'], required: p['required'] === true, schema: inlined(p['schema']) });
  const all = parameters(op) as Schema[];
  let body: FuzzOperation['body'];
  const requestBody = contract.resolve(contract.specOperation(op.operationId)['requestBody']) as Schema | undefined;
  if (requestBody) {
    const [contentType, media] = Object.entries(requestBody['content'] as Record<string, Schema>)[0]!;
    body = { contentType, required: requestBody['required'] === true, schema: inlined(media['schema']) };
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
