// The generated zod schemas (hey-api's zod plugin) against the spec's own examples: every documented example of a
// request body or a success response passes, and variants broken by the schema's own rules fail.
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import * as zod from '../generated/client/zod.gen.js';
import { isObject, loadContract, operations, type Json, type OperationMeta } from '../contract/index.js';
import { typePrefix } from '../scripts/lib/server-stubs.js';

const contract = loadContract();
const schemas = zod as unknown as Record<string, ZodType>;

interface ExampleCase {
  where: string;
  schema: ZodType;
  /** The contract's JSON schema of the same value, to break it by its own rules. */
  pointer: string;
  value: Json;
}

function mediaExamples(media: Json | undefined): Json[] {
  if (!isObject(media)) return [];
  const values: Json[] = [];
  if (media['example'] !== undefined) values.push(media['example']);
  for (const example of Object.values(isObject(media['examples']) ? media['examples'] : {})) {
    const resolved = contract.resolve(example);
    if (isObject(resolved) && resolved['value'] !== undefined) values.push(resolved['value']);
  }
  return values;
}

function cases(): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const op of Object.values(operations) as OperationMeta[]) {
    const prefix = typePrefix(op.operationId);
    const body = contract.requestBody(op.operationId);
    if (body?.contentType === 'application/json') {
      const spec = contract.specOperation(op.operationId);
      const declared = contract.resolve(spec['requestBody']);
      const media = isObject(declared) && isObject(declared['content']) ? declared['content']['application/json'] : undefined;
      for (const value of mediaExamples(media)) {
        out.push({ where: `${op.operationId} request`, schema: schemas[`z${prefix}Body`]!, pointer: body.schemaPointer, value });
      }
    }
    for (const status of op.successStatuses) {
      const pointer = contract.responseSchemaPointer(op.operationId, status);
      const found = contract.response(op.operationId, status);
      const content = found && isObject(found.response['content']) ? found.response['content'] : {};
      if (!pointer) continue;
      for (const value of mediaExamples(content['application/json'])) {
        out.push({ where: `${op.operationId} ${status}`, schema: schemas[`z${prefix}Response`]!, pointer, value });
      }
    }
  }
  return out;
}

/** Variants of an object example that its JSON schema refuses: each required property dropped, or given an object. */
function brokenVariants(pointer: string, value: Json): { how: string; value: Json }[] {
  if (!isObject(value)) return [];
  const shape = contract.resolve(contract.at(pointer));
  const required = isObject(shape) && Array.isArray(shape['required']) ? (shape['required'] as string[]) : [];
  const variants: { how: string; value: Json }[] = [];
  for (const name of required) {
    if (!(name in value)) continue;
    const { [name]: _dropped, ...rest } = value;
    variants.push({ how: `without ${name}`, value: rest });
    variants.push({ how: `${name} as an array of objects`, value: { ...value, [name]: [{ unexpected: true }] } });
  }
  // Keep only the variants the contract itself refuses, so the test asks zod exactly what the spec says.
  const validate = contract.validator(pointer);
  return variants.filter((variant) => !validate(variant.value));
}

describe('generated zod schemas', () => {
  const all = cases();

  it('exist for every operation\'s request body and success response', () => {
    const missing = all.filter((c) => c.schema === undefined).map((c) => c.where);
    expect(missing).toEqual([]);
    expect(all.length).toBeGreaterThan(150);
  });

  it('accept every example of the spec', () => {
    const refused = all
      .map((c) => ({ c, result: c.schema.safeParse(c.value) }))
      .filter(({ result }) => !result.success)
      .map(({ c, result }) => `${c.where}: ${result.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    expect(refused).toEqual([]);
  });

  it('refuse the variants of the examples that the contract refuses', () => {
    let checked = 0;
    const accepted: string[] = [];
    for (const c of all) {
      for (const variant of brokenVariants(c.pointer, c.value)) {
        checked++;
        if (c.schema.safeParse(variant.value).success) accepted.push(`${c.where} ${variant.how}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
