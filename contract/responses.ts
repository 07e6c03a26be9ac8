/**
 * What is wrong with a response, by the contract: the status must be documented for the operation, the body
 * valid against that status's schema (JSON Schema 2020-12 with formats), the content type JSON, and every header
 * the response declares present and valid. Used by conformance (Dredd hooks and checks), the fuzzer and tests.
 */
import type { ErrorObject } from 'ajv';
import { loadContract, type Contract, type Json } from './index.js';
import { isObject, nodeAt, resolveRef } from './document.js';

export interface ResponseToCheck {
  method: string;
  /** The spec's path template (`/contacts/{id}`). */
  template: string;
  status: number;
  /** Plain object, any case. */
  headers: Record<string, string | string[] | undefined>;
  /** The response text. */
  body: string;
}

const MAX_BODY_PROBLEMS = 8;

/** One Ajv error as `path rule (keyword)`: `/data/id must be integer (type)`. */
export function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || '(body)';
  let detail = error.message ?? 'is invalid';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') detail += `: '${String(params['additionalProperty'])}'`;
  if (error.keyword === 'enum') detail += `: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'const') detail += `: ${JSON.stringify(params['allowedValue'])}`;
  return `${where} ${detail} (${error.keyword})`;
}

const valueAt = (root: Json, instancePath: string): Json | undefined => (instancePath ? nodeAt(root, instancePath) : root);
const underPath = (error: ErrorObject, base: string) => error.instancePath === base || error.instancePath.startsWith(`${base}/`);

/**
 * Ajv reports the errors of every branch of a failed `oneOf`/`anyOf`, most of them about branches the value was
 * never meant to match. The value is checked again against each branch alone, and only the errors of the closest
 * branch (fewest errors) are kept, which names the real fault (`/data/id must be integer`, not twenty
 * "additional property" errors of the other shape).
 */
export function closestErrors(contract: Contract, errors: readonly ErrorObject[], root: Json): ErrorObject[] {
  const result: ErrorObject[] = [];
  for (const error of errors) {
    const combinator = error.keyword === 'oneOf' || error.keyword === 'anyOf';
    const passing = (error.params as Record<string, unknown>)['passingSchemas'];
    if (!combinator || !Array.isArray(error.schema) || passing) {
      result.push(error);
      continue;
    }
    const value = valueAt(root, error.instancePath);
    let best: ErrorObject[] | undefined;
    for (const branch of error.schema as Json[]) {
      const validate = contract.schemaValidator(branch);
      if (validate(value)) continue;
      const branchErrors = (validate.errors ?? []).map((e) => ({ ...e, instancePath: `${error.instancePath}${e.instancePath}` }));
      if (!best || branchErrors.length < best.length) best = branchErrors;
    }
    if (!best) {
      result.push(error);
      continue;
    }
    // The branches' errors Ajv listed before the combinator give way to the closest branch's.
    for (let i = result.length - 1; i >= 0; i -= 1) if (underPath(result[i]!, error.instancePath)) result.splice(i, 1);
    result.push(...closestErrors(contract, best, root));
  }
  return result;
}

function headerValue(headers: ResponseToCheck['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value === undefined ? undefined : String(value);
  }
  return undefined;
}

/** A header's text as the value its schema describes (`"58"` → 58 for an integer). */
function headerAsValue(text: string, schema: Json | undefined): Json {
  const type = isObject(schema) ? schema['type'] : undefined;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text;
}

/** Sentences saying what breaks the contract in a response; empty when it keeps it. */
export function responseProblems(response: ResponseToCheck, contract: Contract = loadContract()): string[] {
  const op = contract.operationAt(response.method, response.template);
  if (!op) return [`${response.method} ${response.template} is not an operation of the contract`];
  const found = contract.response(op.operationId, response.status);
  if (!found) {
    const documented = op.statuses.join(', ');
    return [`status ${response.status} is not documented for ${op.method.toUpperCase()} ${response.template} (documented: ${documented})`];
  }
  const problems: string[] = [];
  const type = headerValue(response.headers, 'content-type');
  const pointer = contract.responseSchemaPointer(op.operationId, response.status);
  if (pointer) {
    const validate = contract.validator(pointer);
    if (!type || !/^application\/json\s*(;|$)/i.test(type)) problems.push(`Content-Type is ${type ? `"${type}"` : 'missing'}, expected application/json`);
    let json: Json | undefined;
    let parsed = false;
    try {
      json = JSON.parse(response.body) as Json;
      parsed = true;
    } catch {
      const text = String(response.body ?? '');
      problems.push(`the body is not JSON: ${text.length === 0 ? '(empty)' : JSON.stringify(text.slice(0, 80))}`);
    }
    if (parsed && !validate(json)) {
      const described = [...new Set(closestErrors(contract, validate.errors ?? [], json!).map(describeSchemaError))];
      problems.push(...described.slice(0, MAX_BODY_PROBLEMS));
      if (described.length > MAX_BODY_PROBLEMS) problems.push(`… and ${described.length - MAX_BODY_PROBLEMS} more schema errors`);
    }
  }
  const declared = isObject(found.response['headers']) ? found.response['headers'] : {};
  for (const [name, raw] of Object.entries(declared)) {
    const header = resolveRef(contract.document, raw);
    const schema = isObject(header) ? header['schema'] : undefined;
    const text = headerValue(response.headers, name);
    if (text === undefined) {
      problems.push(`header ${name} is missing (declared for ${response.status})`);
      continue;
    }
    if (schema === undefined) continue;
    const validate = contract.schemaValidator(schema);
    if (!validate(headerAsValue(text, schema))) {
      problems.push(`header ${name} is "${text}": ${(validate.errors ?? []).map((e) => `${e.message} (${e.keyword})`).join(', ')}`);
    }
  }
  return problems;
}
