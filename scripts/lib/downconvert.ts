/**
 * OpenAPI 3.1 -> 3.0 for Dredd 14.
 *
 * `@apiture/openapi-down-convert` does most of the work (`[X, 'null']` type pairs, `const`, `examples`,
 * license identifier, webhooks). What it leaves, and this post-step fixes:
 *
 * - `{type: 'null'}` branches of `oneOf`/`anyOf`: removed, and `nullable: true` set instead. 3.0 only knows
 *   `nullable` next to a `type`, so it goes on the first remaining branch (a `$ref` branch is replaced by a
 *   copy of its target): `null` then matches exactly one branch. A single remaining branch is merged into
 *   the schema itself, e.g. `oneOf: [$ref: ContactSummary, {type: 'null'}]` -> ContactSummary's schema +
 *   `nullable: true`.
 * - multi-type arrays such as `type: [integer, string, 'null']`: split into a `oneOf` of single-type schemas,
 *   each carrying only the keywords of its type (`minimum` on the integer, `pattern` on the string, the
 *   `enum` values of its type) and `nullable: true` on the first branch only. Dredd's parser understands
 *   `oneOf` (it ignores `anyOf`/`allOf`). A single remaining type becomes a plain `type` (+ `nullable`).
 * - `enum` without `type` (e.g. `[true, false, 1, 0, '1', '0', null]`): typed the same way from its values;
 *   a `null` value makes it `nullable`.
 * - `const: false` (the converter skips falsy constants), numeric `exclusiveMinimum`/`exclusiveMaximum`,
 *   leftover schema `examples` arrays, `info.summary` and keywords that 3.0 lacks.
 * - siblings of a `$ref` (3.1 allows `description` next to `$ref`; 3.0 ignores them and Dredd warns).
 * - a parameter's `schema: {$ref}` is replaced by the referenced schema (Dredd does not follow refs there).
 */
import { Converter } from '@apiture/openapi-down-convert';
import { clone, isObject, type Json, type JsonObject } from './json.js';

const NUMERIC_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern'];
const ARRAY_KEYWORDS = ['items', 'minItems', 'maxItems', 'uniqueItems'];
const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties'];
const NUMERIC_FORMATS = new Set(['int32', 'int64', 'float', 'double']);
/** JSON Schema 2020-12 keywords that OpenAPI 3.0's Schema Object does not have. */
const UNSUPPORTED_30 = [
  '$schema', '$id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$defs', '$vocabulary', '$comment',
  'prefixItems', 'contains', 'minContains', 'maxContains', 'unevaluatedItems', 'unevaluatedProperties',
  'propertyNames', 'dependentRequired', 'dependentSchemas', 'if', 'then', 'else',
  'contentEncoding', 'contentMediaType', 'contentSchema', 'patternProperties',
];

export function convertTo30(bundle: JsonObject): JsonObject {
  const converted = new Converter(clone(bundle), { verbose: false }).convert() as JsonObject;
  return postProcess30(converted);
}

/** The post-step alone, in place (exported for tests). */
export function postProcess30(doc: JsonObject): JsonObject {
  doc['openapi'] = '3.0.3';
  const info = doc['info'];
  if (isObject(info)) delete info['summary'];
  delete doc['jsonSchemaDialect'];
  delete doc['webhooks'];
  const components = doc['components'];
  if (isObject(components)) delete components['pathItems'];
  walkDocument(doc, doc);
  return doc;
}

/** Finds every schema root: component schemas, and the `schema` of parameters, headers and media types. */
function walkDocument(node: Json, root: JsonObject): void {
  if (Array.isArray(node)) {
    for (const item of node) walkDocument(item, root);
    return;
  }
  if (!isObject(node)) return;
  dropRefSiblings(node);
  const isParameter = typeof node['in'] === 'string' && typeof node['name'] === 'string';
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === 'schema' && isObject(value)) {
      if (isParameter) node[key] = resolve(value, root) ?? value;
      fixSchema(node[key]!, root);
    } else if (key === 'schemas' && isObject(value)) {
      for (const schema of Object.values(value)) fixSchema(schema, root);
    } else {
      walkDocument(value, root);
    }
  }
}

function dropRefSiblings(node: JsonObject): void {
  if (typeof node['$ref'] !== 'string') return;
  for (const key of Object.keys(node)) if (key !== '$ref') delete node[key];
}

/** A copy of the schema a local `$ref` chain ends at, or of `schema` itself; undefined if unresolvable. */
function resolve(schema: Json, root: JsonObject): JsonObject | undefined {
  let current: Json | undefined = schema;
  for (let depth = 0; depth < 32 && isObject(current) && typeof current['$ref'] === 'string'; depth++) {
    const ref: string = current['$ref'];
    if (!ref.startsWith('#/')) return undefined;
    let target: Json | undefined = root;
    for (const segment of ref.slice(2).split('/')) {
      const name = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[name] : undefined;
    }
    current = target;
  }
  return isObject(current) && !('$ref' in current) ? clone(current) : undefined;
}

function isNullSchema(schema: Json): boolean {
  if (!isObject(schema)) return false;
  const type = schema['type'];
  return type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
}

function typeOfValue(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(type: string, value: Json): boolean {
  const actual = typeOfValue(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function keywordsOf(type: string): string[] {
  switch (type) {
    case 'integer':
    case 'number':
      return NUMERIC_KEYWORDS;
    case 'string':
      return STRING_KEYWORDS;
    case 'array':
      return ARRAY_KEYWORDS;
    case 'object':
      return OBJECT_KEYWORDS;
    default:
      return [];
  }
}

/** Makes `schema` accept null in 3.0 terms: `nullable` next to its type, and `null` in its enum if any. */
function makeNullable(schema: JsonObject): void {
  schema['nullable'] = true;
  const values = schema['enum'];
  if (Array.isArray(values) && !values.includes(null)) values.push(null);
}

function fixSchema(schema: Json, root: JsonObject): void {
  if (!isObject(schema)) return;
  if (typeof schema['$ref'] === 'string') {
    dropRefSiblings(schema);
    return;
  }

  // `{type: 'null'}` inside oneOf / anyOf (before the children are rewritten).
  for (const key of ['oneOf', 'anyOf']) {
    const list = schema[key];
    if (!Array.isArray(list) || !list.some(isNullSchema)) continue;
    const rest = list.filter((branch) => !isNullSchema(branch));
    if (rest.length === 0) {
      delete schema[key];
      schema['nullable'] = true;
      schema['enum'] = [null];
      continue;
    }
    const first = resolve(rest[0]!, root);
    if (!first) {
      // Not resolvable: keep the branches and mark the holder (3.0 tools may ignore `nullable` here).
      schema[key] = rest;
      schema['nullable'] = true;
      continue;
    }
    makeNullable(first);
    if (rest.length === 1) {
      // Merge: the holder's own keywords (description, example, ...) win over the target's.
      delete schema[key];
      const own = { ...schema };
      for (const k of Object.keys(schema)) delete schema[k];
      Object.assign(schema, first, own);
    } else {
      schema[key] = [first, ...rest.slice(1)];
    }
  }

  // Children.
  const properties = schema['properties'];
  if (isObject(properties)) for (const child of Object.values(properties)) fixSchema(child, root);
  for (const key of ['items', 'additionalProperties', 'not']) {
    const child = schema[key];
    if (Array.isArray(child)) for (const item of child) fixSchema(item, root);
    else if (child !== undefined) fixSchema(child, root);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list) fixSchema(item, root);
  }

  // 3.1 leftovers.
  if ('const' in schema) {
    if (!('enum' in schema)) schema['enum'] = [schema['const']!];
    delete schema['const'];
  }
  if (Array.isArray(schema['examples'])) {
    if (!('example' in schema) && schema['examples'].length > 0) schema['example'] = schema['examples'][0]!;
    delete schema['examples'];
  }
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const value = schema[exclusive];
    if (typeof value === 'number') {
      schema[bound] = value;
      schema[exclusive] = true;
    }
  }
  for (const key of UNSUPPORTED_30) delete schema[key];

  // Types: arrays of types, a lone `null`, and enums without a type.
  const type = schema['type'];
  const values = Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  let types: string[] | undefined;
  let nullable = false;
  if (typeof type === 'string') {
    if (type === 'null') {
      types = [];
      nullable = true;
    }
  } else if (Array.isArray(type)) {
    types = type.filter((t): t is string => typeof t === 'string' && t !== 'null');
    nullable = type.includes('null');
  } else if (values && !Array.isArray(schema['oneOf']) && !Array.isArray(schema['anyOf']) && !Array.isArray(schema['allOf'])) {
    types = [...new Set(values.map(typeOfValue).filter((t) => t !== 'null'))];
    if (types.includes('number')) types = types.filter((t) => t !== 'integer');
    nullable = values.includes(null);
  }
  if (types !== undefined) {
    delete schema['type'];
    if (types.length === 0) {
      schema['nullable'] = true;
      schema['enum'] = [null];
    } else if (types.length === 1) {
      schema['type'] = types[0]!;
      if (nullable) makeNullable(schema);
    } else {
      splitTypes(schema, types, nullable);
    }
  } else if (typeof type === 'string' && values?.includes(null)) {
    schema['nullable'] = true;
  }
}

/** `type: [integer, string, 'null']` (+ keywords) -> `oneOf: [{type: integer, nullable: true, ...}, {type: string, ...}]`. */
function splitTypes(schema: JsonObject, allTypes: string[], nullable: boolean): void {
  // integer is a subset of number: keep the branches disjoint.
  const types = allTypes.includes('number') ? allTypes.filter((t) => t !== 'integer') : allTypes;
  const values = Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  const branches: JsonObject[] = [];
  for (const type of types) {
    const branch: JsonObject = { type };
    for (const keyword of keywordsOf(type)) {
      if (keyword in schema) branch[keyword] = clone(schema[keyword]!);
    }
    if (format !== undefined) {
      const numeric = NUMERIC_FORMATS.has(format);
      if ((type === 'string' && !numeric) || ((type === 'integer' || type === 'number') && numeric)) branch['format'] = format;
    }
    if (values) {
      const own = values.filter((value) => value !== null && matchesType(type, value));
      if (own.length === 0) continue;
      branch['enum'] = own;
    }
    branches.push(branch);
  }
  if (nullable && branches.length > 0) makeNullable(branches[0]!);
  for (const keyword of [...NUMERIC_KEYWORDS, ...STRING_KEYWORDS, ...ARRAY_KEYWORDS, ...OBJECT_KEYWORDS, 'format', 'enum', 'nullable']) {
    delete schema[keyword];
  }
  if (Array.isArray(schema['oneOf'])) {
    const allOf = Array.isArray(schema['allOf']) ? schema['allOf'] : [];
    schema['allOf'] = [...allOf, { oneOf: branches }];
  } else {
    schema['oneOf'] = branches;
  }
}
