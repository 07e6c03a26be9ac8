// The Prism mock answers every operation of the contract, under the same /api base URL as a real Monica.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../mock/prism.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const spec = JSON.parse(readFileSync(`${root}generated/openapi.json`, 'utf8'));
const METHODS = ['get', 'put', 'post', 'delete'];

const resolve = (node: any): any =>
  node && typeof node.$ref === 'string'
    ? resolve(node.$ref.replace(/^#\//, '').split('/').reduce((at: any, key: string) => at[key], spec))
    : node;

interface Call {
  operationId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
  documented: string[];
  success: string;
}

/** A 1x1 PNG: the smallest real image, for the upload operations. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A multipart body from an upload schema: a file for each binary field, the example's value for the others. */
function formFromSchema(schema: any): FormData {
  const form = new FormData();
  for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
    const p = resolve(property);
    if (p.format === 'binary' || p.contentMediaType) form.append(name, new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    else if (schema.required?.includes(name)) form.append(name, String(schema.example?.[name] ?? p.example ?? 1));
  }
  return form;
}

/** One request per operation, built from the examples the spec gives. */
function calls(base: string): Call[] {
  const list: Call[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!METHODS.includes(method)) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
      let path = template;
      for (const p of params.filter((p) => p.in === 'path')) path = path.replace(`{${p.name}}`, String(p.example));
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (!(Array.isArray(op.security) && op.security.length === 0)) headers.Authorization = 'Bearer mock-token';
      let body: string | FormData | undefined;
      const content = op.requestBody ? resolve(op.requestBody).content : undefined;
      if (content?.['application/json']) {
        const media = content['application/json'];
        const example = media.example ?? resolve(Object.values<any>(media.examples ?? {})[0])?.value ?? resolve(media.schema).example;
        body = JSON.stringify(example);
        headers['Content-Type'] = 'application/json';
      }
      if (content?.['multipart/form-data']) body = formFromSchema(resolve(content['multipart/form-data'].schema));
      const documented = Object.keys(op.responses);
      list.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        url: `${base}${path}`,
        headers,
        body,
        documented,
        success: documented.find((s) => s.startsWith('2'))!,
      });
    }
  }
  return list;
}

describe('Prism mock of the whole contract', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock();
  }, 60_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('answers every operation at /api, uploads included, with its documented success status and a JSON body', async () => {
    const problems: string[] = [];
    const all = calls(mock.url);
    expect(all.length).toBe(Object.values<any>(spec.paths).flatMap((i) => Object.keys(i).filter((m) => METHODS.includes(m))).length);
    for (const call of all) {
      const res = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body });
      const text = await res.text();
      if (String(res.status) !== call.success) problems.push(`${call.operationId}: ${res.status} (documented success ${call.success}) ${text.slice(0, 200)}`);
      else if (!/json/.test(res.headers.get('content-type') ?? '')) problems.push(`${call.operationId}: content type ${res.headers.get('content-type')}`);
      else JSON.parse(text);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('answers a documented error example when asked with Prefer: code=404', async () => {
    const res = await fetch(`${mock.url}/contacts/1`, { headers: { Authorization: 'Bearer x', Prefer: 'code=404' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'The resource has not been found', error_code: 31 } });
  });

  it('refuses a call without a token with 401, as Monica does', async () => {
    const res = await fetch(`${mock.url}/contacts`);
    expect(res.status).toBe(401);
  });
});
