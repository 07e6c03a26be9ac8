// One request per operation of the bundled spec, built from the spec's own examples: what the mock tests send.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not `new URL('../..', import.meta.url)`: under a DOM test environment (happy-dom) Vite rewrites that pattern
// into the URL of an asset served over http.
const root = `${path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')}/`;

/** The 3.1 bundle (generated/openapi.json), parsed once. */
export const spec = JSON.parse(readFileSync(`${root}generated/openapi.json`, 'utf8'));

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows local `$ref`s (`#/components/...`) until a node that is not a reference. */
export function resolveRef(node: any): any {
  return node && typeof node.$ref === 'string'
    ? resolveRef(node.$ref.replace(/^#\//, '').split('/').reduce((at: any, key: string) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec))
    : node;
}

export interface OperationCall {
  operationId: string;
  /** `GET /contacts/{id}` */
  key: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A fresh body for each send (a FormData cannot be sent twice everywhere). */
  body(): string | FormData | undefined;
  /** Documented statuses, and the first 2xx among them. */
  documented: string[];
  success: string;
  /** The JSON schema of the success response, when it has one. */
  successSchema?: unknown;
  /** The success response's JSON examples by name (`example` for an unnamed one). */
  successExamples: Record<string, unknown>;
}

/** The examples of a media type object by name; an unnamed `example` is called `example`. */
export function mediaExamples(media: any): Record<string, unknown> {
  const examples: Record<string, unknown> = {};
  if (media && 'example' in media) examples['example'] = media.example;
  for (const [name, example] of Object.entries<any>(media?.examples ?? {})) examples[name] = resolveRef(example).value;
  return examples;
}

/** A 1x1 PNG: the smallest real image, for the upload operations. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A multipart body from an upload schema: a file for each binary field, the example's value for the required others. */
function formFromSchema(schema: any): FormData {
  const form = new FormData();
  for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
    const p = resolveRef(property);
    if (p.format === 'binary' || p.contentMediaType) form.append(name, new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    else if (schema.required?.includes(name)) form.append(name, String(schema.example?.[name] ?? p.example ?? 1));
  }
  return form;
}

/** Every operation of the spec as a request against `base` (a URL ending in `/api`). */
export function operationCalls(base: string): OperationCall[] {
  const list: OperationCall[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!METHODS.includes(method)) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolveRef);
      let path = template;
      for (const p of params.filter((p) => p.in === 'path')) path = path.replace(`{${p.name}}`, String(p.example));
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (!(Array.isArray(op.security) && op.security.length === 0)) headers['Authorization'] = 'Bearer mock-token';
      let body: () => string | FormData | undefined = () => undefined;
      const content = op.requestBody ? resolveRef(op.requestBody).content : undefined;
      if (content?.['application/json']) {
        const media = content['application/json'];
        const example = media.example ?? resolveRef(Object.values<any>(media.examples ?? {})[0])?.value ?? resolveRef(media.schema).example;
        const text = JSON.stringify(example);
        body = () => text;
        headers['Content-Type'] = 'application/json';
      }
      if (content?.['multipart/form-data']) {
        const schema = resolveRef(content['multipart/form-data'].schema);
        body = () => formFromSchema(schema);
      }
      const documented = Object.keys(op.responses);
      const success = documented.find((s) => s.startsWith('2'))!;
      const successMedia = resolveRef(op.responses[success])?.content?.['application/json'];
      list.push({
        operationId: op.operationId,
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        url: `${base}${path}`,
        headers,
        body,
        documented,
        success,
        successSchema: successMedia?.schema,
        successExamples: mediaExamples(successMedia),
      });
    }
  }
  return list;
}

/** How many operations the spec has. */
export function operationCount(): number {
  return Object.values<any>(spec.paths).flatMap((item) => Object.keys(item).filter((m) => METHODS.includes(m))).length;
}
