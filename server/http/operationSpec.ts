// Cuts one operation out of the bundled spec: its path with only its method, and only the components it
// reaches through `$ref`. A validator given this document has one route to look up and a few schemas to
// compile, instead of every path and component of the API.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The parts of an OpenAPI document this module reads; everything else is carried over untouched. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, JsonObject>;
  components?: Record<string, Record<string, Json>>;
  [key: string]: unknown;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** `#/components/schemas/Contact` -> ['schemas', 'Contact']; any other reference -> undefined. */
function componentOf(ref: string): [string, string] | undefined {
  const parts = ref.split('/');
  if (parts.length !== 4 || parts[0] !== '#' || parts[1] !== 'components') return undefined;
  const unescape = (s: string) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
  return [unescape(parts[2]), unescape(parts[3])];
}

/** Every component reachable from `roots`, following references inside components too. */
function reachableComponents(doc: OpenApiDocument, roots: Json[]): Record<string, Record<string, Json>> {
  const picked: Record<string, Record<string, Json>> = {};
  const pending: Json[] = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const target = componentOf(value);
        if (!target) continue;
        const [kind, name] = target;
        if (picked[kind]?.[name] !== undefined) continue;
        const component = doc.components?.[kind]?.[name];
        // Said here, by name: the validator would only fail later on an undefined schema.
        if (component === undefined) throw new Error(`the spec has no ${value} (a $ref names it)`);
        (picked[kind] ??= {})[name] = component;
        pending.push(component);
      } else {
        pending.push(value);
      }
    }
  }
  return picked;
}

/**
 * The document with `paths` holding only `method` of `path` (and the path's shared fields, such as its
 * parameters) and `components` holding only what that operation reaches, plus the security schemes. The
 * returned document shares objects with `doc`: clone it before handing it to code that mutates it.
 */
export function specForOperation(doc: OpenApiDocument, path: string, method: string): OpenApiDocument {
  const pathItem = doc.paths[path];
  const operation = pathItem?.[method];
  if (!pathItem || operation === undefined) throw new Error(`The spec has no ${method.toUpperCase()} ${path}.`);
  const sharedFields = Object.entries(pathItem).filter(([key]) => !HTTP_METHODS.has(key));
  const slicedItem: JsonObject = { ...Object.fromEntries(sharedFields), [method]: operation };
  const components = reachableComponents(doc, [slicedItem]);
  if (doc.components?.securitySchemes) components.securitySchemes = doc.components.securitySchemes;
  return { ...doc, paths: { [path]: slicedItem }, components };
}
