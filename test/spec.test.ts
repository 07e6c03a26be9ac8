// The contract itself: complete against the inventory of documented operations, examples that obey their own
// schemas, and a document that is valid OpenAPI 3.1.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { METHODS, resolveRef, spec } from './helpers/mockCalls.js';
import { specAjv, validator } from './helpers/schemaWalk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

import { INVENTORY_FILE, extract, extractedOperations, type ExtractEntry } from '../scripts/dev/extract-inventory.js';

/** `GET /contacts/{id}` for every operation of the bundle. */
function specOperations(): Set<string> {
  const keys = new Set<string>();
  for (const [path, item] of Object.entries<Record<string, unknown>>(spec.paths)) {
    for (const method of Object.keys(item)) if (METHODS.includes(method)) keys.add(`${method.toUpperCase()} ${path}`);
  }
  return keys;
}

const keyOf = (op: ExtractEntry) => `${op.method} ${op.path}`;

/** The documented operations (in the seeds or the upstream markdown). */
function documentedOperations(): Set<string> {
  return new Set(extractedOperations().filter((op) => op.in_seed === true || op.in_seed === false).map(keyOf));
}

/** The operations only Monica 4.x's routes have, without those it registers but cannot serve. */
function servedOnlyByMonica4(): Set<string> {
  return new Set(extractedOperations().filter((op) => op.in_seed === 'impl_only' && !op.impl_broken).map(keyOf));
}

interface ExampleCase {
  where: string;
  schema: unknown;
  value: unknown;
}

/** Every example of the document paired with the schema it illustrates. */
function examples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [name, schema] of Object.entries<any>(spec.components.schemas ?? {})) {
    if ('example' in schema) cases.push({ where: `components.schemas.${name}.example`, schema, value: schema.example });
  }
  const media = (where: string, content: Record<string, any> | undefined) => {
    for (const [type, m] of Object.entries(content ?? {})) {
      if (!m.schema) continue;
      if ('example' in m) cases.push({ where: `${where} ${type} example`, schema: m.schema, value: m.example });
      for (const [key, ex] of Object.entries<any>(m.examples ?? {})) {
        cases.push({ where: `${where} ${type} examples.${key}`, schema: m.schema, value: resolveRef(ex).value });
      }
    }
  };
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!METHODS.includes(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolveRef)) {
        if ('example' in p) cases.push({ where: `${where} parameter ${p.name}`, schema: p.schema, value: p.example });
      }
      if (op.requestBody) media(`${where} request`, resolveRef(op.requestBody).content);
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        const r = resolveRef(response);
        media(`${where} ${status}`, r.content);
        for (const [name, header] of Object.entries<any>(r.headers ?? {})) {
          const h = resolveRef(header);
          if ('example' in h) cases.push({ where: `${where} ${status} header ${name}`, schema: h.schema, value: h.example });
        }
      }
    }
  }
  return cases;
}

describe('the contract', () => {
  it('holds every documented operation of the inventory and every one only 4.x serves, and nothing else', () => {
    const inSpec = specOperations();
    const documented = documentedOperations();
    const only4x = servedOnlyByMonica4();
    const inScope = new Set([...documented, ...only4x]);
    expect([...inScope].filter((k) => !inSpec.has(k)), 'in scope but missing from the spec').toEqual([]);
    expect([...inSpec].filter((k) => !inScope.has(k)), 'in the spec but out of scope').toEqual([]);
    expect(documented.size).toBe(151);
    expect(only4x.size).toBe(26);
    expect(inSpec.size).toBe(177);
  });

  it.skipIf(!existsSync(INVENTORY_FILE))('keeps its extract of the inventory (used where the reference is absent) equal to the inventory', () => {
    expect(extractedOperations()).toEqual(extract(JSON.parse(readFileSync(INVENTORY_FILE, 'utf8'))));
  });

  it('gives every operation a unique operationId, a tag, a summary and a description', () => {
    const ids: string[] = [];
    for (const item of Object.values<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!METHODS.includes(method)) continue;
        ids.push(op.operationId);
        // One tag, the resource; the undocumented operations of documented resources add the group's own tag second.
        expect(op.tags?.length === 1 || (op.tags?.length === 2 && op.tags[1] === 'Other undocumented operations'), op.operationId).toBe(true);
        expect(op.summary, op.operationId).toBeTruthy();
        expect(op.description, op.operationId).toBeTruthy();
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has examples that validate against their own schemas (JSON Schema 2020-12)', () => {
    // Compiled once per distinct schema: many examples share one.
    const validate = validator(specAjv());
    const cases = examples();
    expect(cases.length).toBeGreaterThan(50);
    const failures = cases.flatMap(({ where, schema, value }) => {
      const errors = validate(schema, value);
      return errors === undefined ? [] : [`${where}: ${errors}`];
    });
    expect(failures).toEqual([]);
  });

  it('gives every operation a response example for its success status (the docs and the Prism mock show it)', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!METHODS.includes(method)) continue;
        const success = Object.keys(op.responses).find((status) => status.startsWith('2'));
        const content = success ? resolveRef(op.responses[success]).content : undefined;
        const hasExample = Object.values<any>(content ?? {}).some((m) => 'example' in m || Object.keys(m.examples ?? {}).length > 0);
        if (!success || (content && !hasExample)) missing.push(`${method.toUpperCase()} ${path} ${success ?? '(no 2xx)'}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document', () => {
    // The OpenAPI Initiative's 3.1 schema (2022-10-07), as shipped by express-openapi-validator.
    const metaSchema = require('express-openapi-validator/dist/framework/openapi.v3_1.modified.schema.json');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('media-range', true); // a format of the OpenAPI schema that ajv-formats does not know
    const validate = ajv.compile(metaSchema);
    expect(validate(spec) ? [] : validate.errors).toEqual([]);
  });
});
