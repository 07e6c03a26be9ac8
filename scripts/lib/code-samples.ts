/**
 * Code samples for every operation, made from the spec (never written by hand): a curl command and a call of
 * the generated TypeScript SDK, with the parameter and request-body examples of the operation. The docs show them
 * (Redoc reads `x-codeSamples`); `test/code-samples.test.ts` runs every curl sample against a reference server.
 */
import { isObject, objectShape, resolveRef, type Json, type JsonObject } from '../../contract/document.js';
import { listOperations, type OperationInfo } from './operations.js';

export interface CodeSample {
  lang: 'Shell' | 'TypeScript';
  label: string;
  source: string;
}

/** The environment variable the samples read the token from. */
export const TOKEN_VARIABLE = 'MONICA_TOKEN';
/** The package name the TypeScript samples import from (package.json's `exports`). */
const PACKAGE = 'monica-api-contract';

/** `'it''s'` quoting for a POSIX shell: everything literal, single quotes closed and escaped. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

interface SampleInput {
  op: OperationInfo;
  baseUrl: string;
  path: string;
  pathValues: Record<string, Json>;
  query: Record<string, Json>;
  contentType: string | undefined;
  body: JsonObject | undefined;
  /** Multipart fields that carry a file, with the file name the sample sends. */
  files: Record<string, string>;
}

function parameters(doc: JsonObject, op: OperationInfo): JsonObject[] {
  const item = (doc['paths'] as JsonObject)[op.path] as JsonObject;
  const operation = item[op.method] as JsonObject;
  const all = [...((item['parameters'] as Json[]) ?? []), ...((operation['parameters'] as Json[]) ?? [])];
  return all.map((p) => resolveRef(doc, p)).filter(isObject);
}

/** The operation's first request-body example: the media type's example, its first named one, or the schema's. */
function bodyExample(doc: JsonObject, media: JsonObject): Json | undefined {
  if (media['example'] !== undefined) return media['example'];
  const named = isObject(media['examples']) ? Object.values(media['examples'])[0] : undefined;
  const resolved = resolveRef(doc, named);
  if (isObject(resolved) && resolved['value'] !== undefined) return resolved['value'];
  const schema = resolveRef(doc, media['schema']);
  return isObject(schema) ? schema['example'] : undefined;
}

function sampleInput(doc: JsonObject, op: OperationInfo, baseUrl: string): SampleInput {
  const pathValues: Record<string, Json> = {};
  const query: Record<string, Json> = {};
  for (const param of parameters(doc, op)) {
    const name = String(param['name']);
    if (param['in'] === 'path') pathValues[name] = param['example'] ?? 1;
    if (param['in'] === 'query' && param['required'] === true) query[name] = param['example'] ?? '';
  }
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(pathValues[name])));
  const operation = ((doc['paths'] as JsonObject)[op.path] as JsonObject)[op.method] as JsonObject;
  const requestBody = resolveRef(doc, operation['requestBody']);
  const content = isObject(requestBody) && isObject(requestBody['content']) ? requestBody['content'] : {};
  const [contentType, media] = Object.entries(content)[0] ?? [];
  let body: JsonObject | undefined;
  const files: Record<string, string> = {};
  if (contentType && isObject(media)) {
    const example = bodyExample(doc, media);
    body = isObject(example) ? { ...example } : {};
    if (contentType.startsWith('multipart/')) {
      // A binary field's example is a description of bytes: the sample sends a file of that kind instead.
      for (const [field, property] of Object.entries(objectShape(doc, media['schema']).properties)) {
        if (property['format'] !== 'binary' || !(field in body)) continue;
        files[field] = field === 'photo' ? 'photo.png' : `${field}.pdf`;
        delete body[field];
      }
    }
  }
  return { op, baseUrl, path, pathValues, query, contentType, body, files };
}

function curl(input: SampleInput): string {
  const { op, baseUrl, path, query, contentType, body, files } = input;
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const lines = [`curl -X ${op.method.toUpperCase()} ${shellQuote(`${baseUrl}${path}${search ? `?${search}` : ''}`)}`];
  if (op.authRequired) lines.push(`-H "Authorization: Bearer $${TOKEN_VARIABLE}"`);
  lines.push(`-H 'Accept: application/json'`);
  if (contentType === 'application/json') {
    lines.push(`-H 'Content-Type: application/json'`, `--data ${shellQuote(JSON.stringify(body ?? {}))}`);
  } else if (contentType?.startsWith('multipart/')) {
    for (const [field, value] of Object.entries(body ?? {})) lines.push(`-F ${shellQuote(`${field}=${typeof value === 'string' ? value : JSON.stringify(value)}`)}`);
    for (const [field, file] of Object.entries(files)) lines.push(`-F ${shellQuote(`${field}=@${file}`)}`);
  }
  return lines.join(' \\\n  ');
}

function typescript(input: SampleInput): string {
  const { op, baseUrl, pathValues, query, contentType, body, files } = input;
  const args: string[] = ['client'];
  if (Object.keys(pathValues).length > 0) args.push(`path: ${JSON.stringify(pathValues)}`);
  if (Object.keys(query).length > 0) args.push(`query: ${JSON.stringify(query)}`);
  const prelude: string[] = [];
  if (contentType === 'application/json') args.push(`body: ${JSON.stringify(body ?? {}, null, 2).replace(/\n/g, '\n  ')}`);
  if (contentType?.startsWith('multipart/')) {
    const fields = Object.entries(body ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    for (const [field, file] of Object.entries(files)) {
      prelude.push(`const ${field} = new File([await readFile(${JSON.stringify(file)})], ${JSON.stringify(file)});`);
      fields.push(field);
    }
    args.push(`body: { ${fields.join(', ')} }`);
  }
  return [
    ...(prelude.length > 0 ? [`import { readFile } from 'node:fs/promises';`] : []),
    `import { createClient, createConfig } from '${PACKAGE}/client';`,
    `import { ${op.operationId} } from '${PACKAGE}';`,
    '',
    `const client = createClient(createConfig({ baseUrl: '${baseUrl}'${op.authRequired ? `, auth: process.env.${TOKEN_VARIABLE}` : ''} }));`,
    ...prelude,
    `const { data, error } = await ${op.operationId}({ ${args.join(', ')} });`,
  ].join('\n');
}

/** The samples of every operation, by operationId. */
export function codeSamples(doc: JsonObject): Map<string, CodeSample[]> {
  const servers = Array.isArray(doc['servers']) ? doc['servers'] : [];
  const first = isObject(servers[0]) && typeof servers[0]['url'] === 'string' ? servers[0]['url'] : 'https://app.monicahq.com/api';
  const baseUrl = first.replace(/\/+$/, '');
  const out = new Map<string, CodeSample[]>();
  for (const op of listOperations(doc)) {
    const input = sampleInput(doc, op, baseUrl);
    out.set(op.operationId, [
      { lang: 'Shell', label: 'curl', source: curl(input) },
      { lang: 'TypeScript', label: 'TypeScript SDK', source: typescript(input) },
    ]);
  }
  return out;
}

/** A copy of the bundle whose operations carry their samples as `x-codeSamples`, for the rendered docs. */
export function withCodeSamples(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  const samples = codeSamples(doc);
  for (const item of Object.values(copy['paths'] as JsonObject)) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || typeof operation['operationId'] !== 'string') continue;
      const list = samples.get(operation['operationId']);
      if (list) operation['x-codeSamples'] = list as unknown as Json;
    }
  }
  return copy;
}
