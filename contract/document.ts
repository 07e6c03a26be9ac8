/**
 * The one place that walks an OpenAPI document: JSON pointers and `$ref`s. Pure functions over a document the
 * caller hands in, so the generators (which run before `generated/` exists) and the runtime contract share them.
 */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a/b~c` → `a~1b~0c`, one token of a JSON pointer. */
export const escapePointerToken = (key: string | number): string => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

const unescapeToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** The node a local pointer (`#/components/schemas/Contact`, or without the `#`) names, or undefined. */
export function nodeAt(root: Json, pointer: string): Json | undefined {
  const bare = pointer.replace(/^#/, '');
  if (bare === '' || bare === '/') return root;
  let node: Json | undefined = root;
  for (const token of bare.replace(/^\//, '').split('/')) {
    if (node === undefined || node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(unescapeToken(token))] : node[unescapeToken(token)];
  }
  return node;
}

/** Follows a chain of `$ref`s from `node` to the node it finally names (siblings of a `$ref` are dropped). */
export function resolveRef(root: Json, node: Json | undefined): Json | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref loop at ${current['$ref']}`);
    current = nodeAt(root, current['$ref']);
  }
  return current;
}

/** Like resolveRef, also returning the pointer where the node lives (the last `$ref` followed, else `pointer`). */
export function resolveWithPointer(root: Json, node: Json | undefined, pointer: string): { node: Json | undefined; pointer: string } {
  let current = node;
  let where = pointer;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref loop at ${current['$ref']}`);
    where = current['$ref'];
    current = nodeAt(root, where);
  }
  return { node: current, pointer: where };
}

/** A copy of `node` with every `$ref` replaced by what it names (siblings kept over the target's keys). */
export function inlineRefs(root: Json, node: Json | undefined, seen: readonly string[] = []): Json | undefined {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(root, item, seen) as Json);
  if (!isObject(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    if (seen.includes(ref)) return node;
    const { $ref: _ref, ...siblings } = node;
    const target = nodeAt(root, ref);
    return inlineRefs(root, isObject(target) ? { ...target, ...siblings } : target, [...seen, ref]);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = inlineRefs(root, value, seen) as Json;
  return out;
}

/**
 * The properties and required names of an object schema, merged through `$ref` and `allOf` (each property
 * resolved), as a request body reads: `{ contact_id: {...}, body: {...} }`, `['contact_id', 'body']`.
 */
export function objectShape(root: Json, schema: Json | undefined): { properties: Record<string, JsonObject>; required: string[] } {
  const properties: Record<string, JsonObject> = {};
  const required: string[] = [];
  const visit = (node: Json | undefined): void => {
    const resolved = resolveRef(root, node);
    if (!isObject(resolved)) return;
    for (const part of Array.isArray(resolved['allOf']) ? resolved['allOf'] : []) visit(part);
    if (isObject(resolved['properties'])) {
      for (const [name, property] of Object.entries(resolved['properties'])) {
        // Keep the property's own keywords (`x-references`, `deprecated`, a description) over its `$ref` target's.
        const target = resolveRef(root, property);
        properties[name] = { ...(isObject(target) ? target : {}), ...(isObject(property) ? property : {}) };
        delete properties[name]['$ref'];
      }
    }
    for (const name of Array.isArray(resolved['required']) ? resolved['required'] : []) {
      if (typeof name === 'string' && !required.includes(name)) required.push(name);
    }
  };
  visit(schema);
  return { properties, required };
}

/** The JSON types a schema allows (`type: [integer, string]` → both), following `$ref`s. */
export function schemaTypes(root: Json, schema: Json | undefined): string[] {
  const resolved = resolveRef(root, schema);
  if (!isObject(resolved)) return [];
  const type = resolved['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}
