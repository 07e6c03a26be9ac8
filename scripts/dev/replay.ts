/**
 * Behaviour snapshot of the reference server, for refactors that must change nothing a client sees.
 *
 *   npx tsx scripts/dev/replay.ts --record before.json    # on the old tree
 *   npx tsx scripts/dev/replay.ts --compare before.json   # on the new tree: exit 1 when any answer differs
 *
 * It starts a demo server on a fixed clock and sends, for every operation of the bundle in spec order, the
 * same set of requests: the documented success request (parameter and body examples), the same with an id that
 * exists nowhere, without a token, with an empty body, with a body that is not JSON, and for lists a second page,
 * a descending sort, an unknown sort and `limit=101`. Each answer's status, content type and body bytes are kept.
 * Ports, random UUIDs and stored file names are masked. `--compare` sends exactly the recorded requests again
 * (not the current spec's examples), so a tree whose spec or examples changed still compares like for like.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../../server/start.js';
import { repoRoot } from '../lib/paths.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What was sent: the token or none, and the body (JSON text, or the multipart form's text fields). */
interface SentRequest {
  token: boolean;
  json?: string;
  form?: Record<string, string>;
}

interface Exchange {
  label: string;
  method: string;
  url: string;
  request: SentRequest;
  status: number;
  contentType: string;
  body: string;
}

const spec = JSON.parse(readFileSync(path.join(repoRoot, 'generated', 'openapi.json'), 'utf8')) as JsonObject;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// Stored upload names are random too (`photos/19PYbHJd….svg`).
const STORED_NAME = /((?:photos|documents)\/)[A-Za-z0-9]{40}/g;
const METHODS = ['get', 'post', 'put', 'delete'] as const;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function deref(node: Json | undefined): Json | undefined {
  let current = node;
  for (let hops = 0; hops < 20 && current && typeof current === 'object' && !Array.isArray(current) && typeof current['$ref'] === 'string'; hops++) {
    let target: Json | undefined = spec;
    for (const part of (current['$ref'] as string).replace(/^#\//, '').split('/')) {
      target = target && typeof target === 'object' && !Array.isArray(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    current = target;
  }
  return current;
}

const asObject = (node: Json | undefined): JsonObject =>
  node && typeof node === 'object' && !Array.isArray(node) ? node : {};

interface Operation {
  operationId: string;
  method: string;
  template: string;
  pathParams: { name: string; example: Json | undefined }[];
  queryNames: string[];
  body: { contentType: string; example: Json | undefined } | undefined;
}

function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [template, rawItem] of Object.entries(asObject(spec['paths']))) {
    const item = asObject(rawItem);
    for (const method of METHODS) {
      const op = asObject(item[method]);
      if (!op['operationId']) continue;
      const params = [...((item['parameters'] as Json[]) ?? []), ...((op['parameters'] as Json[]) ?? [])].map((p) => asObject(deref(p)));
      const content = asObject(asObject(deref(op['requestBody']))['content']);
      const contentType = Object.keys(content)[0];
      let body: Operation['body'];
      if (contentType) {
        const media = asObject(content[contentType]);
        const examples = asObject(media['examples']);
        const first = Object.values(examples)[0];
        body = { contentType, example: media['example'] ?? asObject(deref(first))['value'] };
      }
      list.push({
        operationId: String(op['operationId']),
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p['in'] === 'path').map((p) => ({ name: String(p['name']), example: p['example'] })),
        queryNames: params.filter((p) => p['in'] === 'query').map((p) => String(p['name'])),
        body,
      });
    }
  }
  return list;
}

function fillPath(op: Operation, override?: string): string {
  let url = op.template;
  for (const p of op.pathParams) url = url.replace(`{${p.name}}`, encodeURIComponent(override ?? String(p.example ?? 1)));
  return url;
}

/** The text fields of a multipart example; the file field (`document` or `photo`) is sent as a 1x1 PNG. */
function multipartFields(example: Json | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(example))) fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return fields;
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'document' || key === 'photo') form.append(key, new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    else form.append(key, value);
  }
  return form;
}

type Recording = Record<string, Exchange[]>;

/** A replayer bound to a fresh demo server: sends one request and records what came back. */
async function demoServer() {
  const server = await startServer({
    port: 0,
    databasePath: ':memory:',
    demoData: true,
    rateLimit: 1_000_000,
    now: () => new Date('2024-06-15T10:00:00Z'),
    log: () => {},
  });
  const origin = new URL(server.url).origin;
  const send = async (label: string, method: string, url: string, request: SentRequest): Promise<Exchange> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.token) headers['Authorization'] = `Bearer ${server.tokens.demo}`;
    if (request.json !== undefined) headers['Content-Type'] = 'application/json';
    const body = request.json ?? (request.form ? formOf(request.form) : undefined);
    const res = await fetch(`${server.url}${url}`, { method, headers, body });
    // Ports and random UUIDs change from run to run; everything else must not.
    const text = (await res.text()).split(origin).join('http://server').replace(UUID, '<uuid>').replace(STORED_NAME, '$1<random>');
    return { label, method, url, request, status: res.status, contentType: res.headers.get('content-type') ?? '', body: text };
  };
  return { send, close: () => server.close() };
}

/** Makes the set of requests from the spec and records the answers. */
async function record(): Promise<Recording> {
  const server = await demoServer();
  const out: Recording = {};
  try {
    for (const op of operations()) {
      const exchanges: Exchange[] = [];
      const send = async (label: string, url: string, request: SentRequest) => exchanges.push(await server.send(label, op.method, url, request));
      const good = (): SentRequest => {
        if (!op.body) return { token: true };
        return op.body.contentType.startsWith('multipart/')
          ? { token: true, form: multipartFields(op.body.example) }
          : { token: true, json: JSON.stringify(op.body.example ?? {}) };
      };
      const url = fillPath(op);
      await send('no token', url, { token: false });
      if (op.pathParams.length > 0) await send('unknown id', fillPath(op, '99999999'), good());
      if (op.body && !op.body.contentType.startsWith('multipart/')) {
        await send('empty body', url, { token: true, json: '{}' });
        await send('not JSON', url, { token: true, json: '{"a":' });
      }
      if (op.queryNames.includes('page')) {
        await send('page 2', `${url}?page=2&limit=3`, { token: true });
        await send('limit 101', `${url}?limit=101`, { token: true });
      }
      if (op.queryNames.includes('sort')) {
        await send('sort desc', `${url}?sort=-created_at`, { token: true });
        await send('sort unknown', `${url}?sort=nope`, { token: true });
      }
      await send('example', url, good());
      out[`${op.method} ${op.template}`] = exchanges;
    }
  } finally {
    await server.close();
  }
  return out;
}

/** Sends the recorded requests again, in the recorded order, and answers what came back. */
async function replay(before: Recording): Promise<Recording> {
  const server = await demoServer();
  const out: Recording = {};
  try {
    for (const [key, list] of Object.entries(before)) {
      out[key] = [];
      for (const exchange of list) out[key].push(await server.send(exchange.label, exchange.method, exchange.url, exchange.request));
    }
  } finally {
    await server.close();
  }
  return out;
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== '--record' && mode !== '--compare') || !file) {
    console.error('usage: replay.ts --record FILE | --compare FILE');
    process.exit(2);
  }
  if (mode === '--record') {
    const now = await record();
    writeFileSync(file, `${JSON.stringify(now, null, 1)}\n`);
    const count = Object.values(now).reduce((n, list) => n + list.length, 0);
    console.log(`recorded ${count} exchanges over ${Object.keys(now).length} operations in ${file}`);
    return;
  }
  const before = JSON.parse(readFileSync(file, 'utf8')) as Recording;
  const now = await replay(before);
  let compared = 0;
  const differences: string[] = [];
  for (const [key, list] of Object.entries(before)) {
    const after = now[key]!;
    list.forEach((exchange, i) => {
      compared++;
      const other = after[i]!;
      if (other.status !== exchange.status || other.body !== exchange.body || other.contentType !== exchange.contentType) {
        // Show both answers around their first difference.
        let at = 0;
        while (at < exchange.body.length && exchange.body[at] === other.body[at]) at++;
        const around = (text: string) => text.slice(Math.max(0, at - 80), at + 120);
        differences.push(`${key} [${exchange.label}] ${exchange.method} ${exchange.url}: ${exchange.status} …${around(exchange.body)}\n    now ${other.status} …${around(other.body)}`);
      }
    });
  }
  for (const line of differences) console.log(line);
  console.log(`${compared} exchanges compared, ${differences.length} differ`);
  process.exit(differences.length === 0 ? 0 : 1);
}

await main();
