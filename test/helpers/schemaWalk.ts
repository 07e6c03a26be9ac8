// Checks on response bodies that JSON Schema validation alone does not make: properties the schema never
// declares (whatever additionalProperties says) and ids below 1.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { METHODS, resolveRef, spec } from './mockCalls.js';

/** Ajv (JSON Schema 2020-12, as OpenAPI 3.1) with the spec's components reachable as `spec#/components/...`. */
export function specAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'spec', components: spec.components }, 'spec');
  return ajv;
}

/** A schema taken out of the document, with its local refs pointing into the `spec` schema registered above. */
export function detach(schema: unknown): object {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec#/'));
}

export type Matcher = (schema: unknown, value: unknown) => boolean;
export type Validator = (schema: unknown, value: unknown) => string | undefined;

/** Validates a value against a (bundle-local) schema: undefined when valid, else Ajv's errors as text. */
export function validator(ajv: Ajv2020): Validator {
  const cache = new Map<string, ReturnType<Ajv2020['compile']>>();
  return (schema, value) => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(detach(schema));
      cache.set(key, validate);
    }
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}

/** Whether a value is valid against a (bundle-local) schema. */
export function matcher(ajv: Ajv2020): Matcher {
  const validate = validator(ajv);
  return (schema, value) => validate(schema, value) === undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where `value` holds a property that `schema` does not declare: not in `properties` (of the schema or of any of
 * its `allOf` parts, or of the `oneOf`/`anyOf` branches the value matches), not matched by `patternProperties`,
 * and not covered by an `additionalProperties` schema. `additionalProperties: true` or its absence declares nothing.
 */
export function undeclaredProperties(schema: unknown, value: unknown, matches: Matcher, at = '$'): string[] {
  const s = resolveRef(schema);
  if (!isObject(s)) return [];
  // The parts that apply to this value: the schema itself, its allOf parts and the matching oneOf/anyOf branches.
  const parts: Record<string, any>[] = [];
  const collect = (node: unknown) => {
    const n = resolveRef(node);
    if (!isObject(n)) return;
    parts.push(n);
    for (const sub of (n['allOf'] as unknown[]) ?? []) collect(sub);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = (n[key] as unknown[]) ?? [];
      const matching = branches.filter((sub) => matches(sub, value));
      // An invalid value matches no branch (validation reports it): judge it by all of them rather than by none.
      for (const sub of matching.length > 0 ? matching : branches) collect(sub);
    }
  };
  collect(s);

  const problems: string[] = [];
  if (isObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      const declaredBy = parts.flatMap((p) => {
        if (isObject(p['properties']) && name in p['properties']) return [p['properties'][name]];
        const patterns = isObject(p['patternProperties']) ? Object.entries(p['patternProperties']) : [];
        const pattern = patterns.find(([re]) => new RegExp(re, 'u').test(name));
        if (pattern) return [pattern[1]];
        if (isObject(p['additionalProperties'])) return [p['additionalProperties']];
        return [];
      });
      if (declaredBy.length === 0) problems.push(`${at}.${name} is not declared by the schema`);
      for (const sub of declaredBy) problems.push(...undeclaredProperties(sub, child, matches, `${at}.${name}`));
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      for (const p of parts) {
        const prefix = Array.isArray(p['prefixItems']) ? p['prefixItems'][i] : undefined;
        const items = prefix ?? p['items'];
        if (items !== undefined && typeof items !== 'boolean') problems.push(...undeclaredProperties(items, item, matches, `${at}[${i}]`));
      }
    });
  }
  return [...new Set(problems)];
}

/** Every `id` or `*_id` property anywhere in the value whose value is below 1 (as a number or a numeric string). */
export function idsBelowOne(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => idsBelowOne(item, `${at}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([name, child]) => {
    const here = `${at}.${name}`;
    const isId = name === 'id' || name.endsWith('_id');
    const numeric = typeof child === 'number' ? child : typeof child === 'string' && /^-?\d+$/.test(child) ? Number(child) : undefined;
    const own = isId && numeric !== undefined && !(numeric >= 1) ? [`${here} = ${JSON.stringify(child)}`] : [];
    return [...own, ...idsBelowOne(child, here)];
  });
}

/**
 * Over every JSON response schema of the spec: object schemas without `additionalProperties` (false or a schema),
 * and `id`/`*_id` properties that may be numbers below 1. json-schema-faker invents properties wherever
 * additionalProperties is not false (it ignores unevaluatedProperties), and picks any integer without a minimum.
 */
export function openObjectsAndLooseIds(): string[] {
  const problems = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: any, at: string): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node['$ref'] === 'string') return walk(resolveRef(node), String(node['$ref']).replace('#/components/schemas/', ''));
    const types = Array.isArray(node['type']) ? node['type'] : [node['type']];
    const isObjectSchema = types.includes('object') || isObject(node['properties']);
    if (isObjectSchema && node['additionalProperties'] === undefined && !isObject(node['patternProperties'])) problems.add(`${at}: object without additionalProperties`);
    for (const [name, property] of Object.entries<any>(node['properties'] ?? {})) {
      if (name === 'id' || name.endsWith('_id')) {
        const p = resolveRef(property);
        const ptypes: unknown[] = Array.isArray(p.type) ? p.type : [p.type];
        const numeric = ptypes.includes('integer') || ptypes.includes('number');
        if (numeric && !(p.minimum >= 1)) problems.add(`${at}.${name}: numeric id without minimum 1`);
      }
      walk(property, `${at}.${name}`);
    }
    if (isObject(node['items'])) walk(node['items'], `${at}[]`);
    if (isObject(node['additionalProperties'])) walk(node['additionalProperties'], `${at}.*`);
    for (const key of ['allOf', 'oneOf', 'anyOf', 'prefixItems']) {
      ((node[key] as unknown[]) ?? []).forEach((sub, i) => walk(sub, `${at}.${key}[${i}]`));
    }
  };
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!METHODS.includes(method)) continue;
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        const schema = resolveRef(response)?.content?.['application/json']?.schema;
        if (schema) walk(schema, `${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  return [...problems];
}
