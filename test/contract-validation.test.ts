// The per-operation assembly of express-openapi-validator (server/http/validation.ts) must behave exactly as
// the library's own `OpenApiValidator.middleware()` over the whole spec. Two small apps, identical but for
// that step, get the same requests for every operation of the spec; what reaches the handler (query, body,
// path parameters) and every error (status, message, paths, codes) must be equal. A cut-down spec
// (server/http/operationSpec.ts) must hold everything its operation reaches.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operations, type OperationMeta } from '../generated/server/operations.gen.js';
import { createOperationLookup } from '../contract/operationLookup.js';
import { createContractValidation } from '../server/http/validation.js';
import { specForOperation, type OpenApiDocument } from '../server/http/operationSpec.js';
import { validatorOptions } from '../server/http/validatorOptions.js';

const specPath = fileURLToPath(new URL('../generated/openapi.json', import.meta.url));
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
const operationList: readonly OperationMeta[] = Object.values(operations);
// Small, so that a few kilobytes exceed it.
const uploadLimitBytes = 2048;

type Kind = 'stock' | 'per-operation';

/** The app's steps 1, 5 and 6 (match, JSON body, contract), then a handler that reports what it was given. */
function appWith(kind: Kind, validateResponses: boolean): express.Express {
  const options = validatorOptions({ validateResponses, uploadLimitBytes });
  const contract: RequestHandler | RequestHandler[] =
    kind === 'stock'
      ? (OpenApiValidator.middleware({ apiSpec: structuredClone(spec) as never, ...options }) as unknown as RequestHandler[])
      : createContractValidation(spec, options).middleware;
  const lookup = createOperationLookup(operationList);
  const api = express.Router();
  api.use((req, res, next) => {
    const operation = lookup.match(req.method, req.path);
    if (!operation) return next(Object.assign(new Error('no operation'), { status: 404 }));
    res.locals.operation = operation;
    next();
  });
  api.use(express.json({ type: (req) => (req.method === 'POST' || req.method === 'PUT') && !/^multipart\//i.test(req.headers['content-type'] ?? '') }));
  api.use(contract);
  // What a handler sees: mounted per operation, as server/http/routes.ts mounts the real ones.
  const handler: RequestHandler = (req, res) => {
    // `x-reply` asks for an answer through res.json, which the response validator checks.
    const reply = req.headers['x-reply'];
    if (typeof reply === 'string') {
      const { status, body } = JSON.parse(reply) as { status: number; body: unknown };
      res.status(status).json(body);
      return;
    }
    const openapi = (req as unknown as { openapi?: { pathParams?: unknown; openApiRoute?: string } }).openapi;
    const files = Array.isArray(req.files) ? req.files.map((f) => ({ field: f.fieldname, size: f.size, type: f.mimetype })) : undefined;
    const seen = { reached: true, route: openapi?.openApiRoute, pathParams: openapi?.pathParams, params: req.params, query: req.query, body: req.body, files };
    res.type('application/json').end(JSON.stringify(seen));
  };
  for (const op of operationList) api[op.method as 'get' | 'post' | 'put' | 'delete'](op.expressPath, handler);
  const app = express();
  app.set('query parser', 'simple');
  app.use('/api', api);
  const report: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err as { status?: number; message?: string; path?: string; errors?: unknown; name?: string };
    res.status(e.status ?? 500).type('application/json').end(JSON.stringify({ status: e.status, name: e.name, message: e.message, path: e.path, errors: e.errors }));
  };
  app.use(report);
  return app;
}

interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | FormData;
}

interface Outcome {
  status: number;
  body: unknown;
}

async function send(origin: string, probe: Probe): Promise<Outcome> {
  const res = await fetch(`${origin}/api${probe.path}`, { method: probe.method, headers: probe.headers, body: probe.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Kept as text: compared as is.
  }
  return { status: res.status, body };
}

function withParams(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

/** The declared query parameters of an operation (path-level and its own), resolved. */
function queryParamNames(operation: OperationMeta): string[] {
  const item = spec.paths[operation.path] as Record<string, unknown>;
  const op = item[operation.method] as { parameters?: { $ref?: string; in?: string; name?: string }[] };
  const all = [...((item.parameters as typeof op.parameters) ?? []), ...(op.parameters ?? [])];
  return all
    .map((p) => (p.$ref ? (spec.components!.parameters as Record<string, { in: string; name: string }>)[p.$ref.split('/').pop()!] : p))
    .filter((p) => p?.in === 'query')
    .map((p) => p!.name as string);
}

const json = { 'content-type': 'application/json' };

/** Requests for one operation: valid and invalid path parameters, queries and bodies. */
function probesFor(operation: OperationMeta, seed: number): Probe[] {
  const method = operation.method.toUpperCase();
  const hasBody = method === 'POST' || method === 'PUT';
  const probes: Probe[] = [
    { method, path: withParams(operation.path, '1'), ...(hasBody ? { headers: json, body: '{}' } : {}) },
    { method, path: withParams(operation.path, 'abc') },
    { method, path: withParams(operation.path, '-1') },
    { method, path: withParams(operation.path, '%E2%82%AC') },
  ];
  const names = queryParamNames(operation);
  if (names.length > 0) {
    const wrong = new URLSearchParams([...names.map((n) => [n, 'x~']), ['unknown_param', '1']]);
    probes.push({ method, path: `${withParams(operation.path, '2')}?${wrong}` });
    const plausible = new URLSearchParams(names.map((n) => [n, '3']));
    probes.push({ method, path: `${withParams(operation.path, '2')}?${plausible}` });
  }
  if (hasBody) {
    const path = withParams(operation.path, '1');
    probes.push({ method, path, headers: json, body: JSON.stringify({ first_name: 7, is_birthdate_known: 'yes', contact_id: 'one', body: null, date: '2023-02-30', tags: [1, {}] }) });
    probes.push({ method, path, headers: json, body: '[]' });
    probes.push({ method, path, headers: { 'content-type': 'text/plain' }, body: 'hello' });
    // Arbitrary JSON values, the same for both apps (fixed seed).
    for (const value of fc.sample(fc.jsonValue({ maxDepth: 2 }), { seed, numRuns: 4 })) {
      probes.push({ method, path, headers: json, body: JSON.stringify(value) });
    }
  }
  return probes;
}

function uploadProbes(path: string, fileField: string): Probe[] {
  const form = (size: number, extra: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(extra)) data.append(k, v);
    data.append(fileField, new Blob([new Uint8Array(size)], { type: 'image/png' }), 'f.png');
    return data;
  };
  return [
    { method: 'POST', path, body: form(100, { contact_id: '1' }) },
    { method: 'POST', path, body: form(100, { contact_id: 'x' }) },
    { method: 'POST', path, body: form(100, {}) },
    { method: 'POST', path, body: form(uploadLimitBytes + 1, { contact_id: '1' }) },
    { method: 'POST', path, headers: { 'content-type': 'multipart/form-data' }, body: 'no boundary' },
  ];
}

describe('express-openapi-validator per operation against the stock middleware', () => {
  const servers: Server[] = [];
  const origins: Record<string, string> = {};
  beforeAll(async () => {
    for (const kind of ['stock', 'per-operation'] as Kind[]) {
      for (const responses of [false, true]) {
        const server = createServer(appWith(kind, responses));
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        servers.push(server);
        origins[`${kind}/${responses}`] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      }
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('passes the same requests on with the same values, and refuses the others with the same errors', async () => {
    let compared = 0;
    let refused = 0;
    let passed = 0;
    for (const [index, operation] of operationList.entries()) {
      for (const probe of probesFor(operation, index)) {
        const stock = await send(origins['stock/false'], probe);
        const mine = await send(origins['per-operation/false'], probe);
        expect(mine, `${probe.method} ${probe.path} ${typeof probe.body === 'string' ? probe.body : ''}`).toEqual(stock);
        compared += 1;
        if (stock.status === 200 && (stock.body as { reached?: boolean }).reached) passed += 1;
        else refused += 1;
      }
    }
    // Both kinds of outcome occur, so the comparison covers passing and failing validation.
    expect(passed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(300);
    expect(compared).toBe(passed + refused);
  }, 300_000);

  it('handles uploads the same way: files, form fields, size limit, malformed bodies', async () => {
    const statuses = new Set<number>();
    for (const [path, field] of [
      ['/photos', 'photo'],
      ['/documents', 'document'],
    ]) {
      // A FormData body can be sent once: build the probes again for the second app.
      const stockProbes = uploadProbes(path, field);
      const myProbes = uploadProbes(path, field);
      for (let i = 0; i < stockProbes.length; i++) {
        const stock = await send(origins['stock/false'], stockProbes[i]);
        const mine = await send(origins['per-operation/false'], myProbes[i]);
        expect(mine, `${path} probe ${i}`).toEqual(stock);
        statuses.add(stock.status);
      }
    }
    expect(statuses.has(200)).toBe(true);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  }, 30_000);

  it('checks responses the same way: documented answers pass, others fail with the same errors', async () => {
    const outcomes = new Set<number>();
    for (const operation of operationList) {
      const op = operations[operation.operationId as keyof typeof operations];
      const replies = [
        { status: op.successStatus, body: {} },
        { status: op.successStatus, body: { data: [] } },
        { status: 404, body: { error: { message: 'The resource has not been found', error_code: 31 } } },
        { status: 404, body: { error: { message: 'x', error_code: 'thirty-one' } } },
        { status: 418, body: { error: { message: 'teapot', error_code: 1 } } },
      ];
      for (const reply of replies) {
        const probe: Probe = { method: operation.method.toUpperCase(), path: withParams(operation.path, '1'), headers: { 'x-reply': JSON.stringify(reply) } };
        const stock = await send(origins['stock/true'], probe);
        const mine = await send(origins['per-operation/true'], probe);
        expect(mine, `${operation.operationId} answering ${JSON.stringify(reply)}`).toEqual(stock);
        outcomes.add(stock.status);
      }
    }
    expect(outcomes.has(404)).toBe(true);
    expect(outcomes.has(500)).toBe(true);
  }, 300_000);
});

describe('specForOperation', () => {
  function refsIn(node: unknown, into: Set<string>): Set<string> {
    if (Array.isArray(node)) node.forEach((n) => refsIn(n, into));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') into.add(v);
        else refsIn(v, into);
      }
    }
    return into;
  }
  function resolves(doc: OpenApiDocument, ref: string): boolean {
    let node: unknown = doc;
    for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return node !== undefined;
  }

  it('keeps one operation and every component it reaches, and nothing else', () => {
    for (const operation of operationList) {
      const cut = specForOperation(spec, operation.path, operation.method);
      expect(Object.keys(cut.paths)).toEqual([operation.path]);
      const methods = Object.keys(cut.paths[operation.path]).filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k));
      expect(methods).toEqual([operation.method]);
      const refs = refsIn(cut, new Set());
      for (const ref of refs) expect(resolves(cut, ref), `${operation.operationId}: ${ref}`).toBe(true);
      // Every kept component is referenced from the cut (security schemes are named by `security`).
      for (const [kind, entries] of Object.entries(cut.components ?? {})) {
        if (kind === 'securitySchemes') continue;
        for (const name of Object.keys(entries)) expect(refs.has(`#/components/${kind}/${name}`), `${operation.operationId}: ${kind}/${name}`).toBe(true);
      }
    }
  });

  it('leaves the components an operation does not use out', () => {
    const cut = specForOperation(spec, '/genders', 'get');
    const all = Object.keys(spec.components?.schemas ?? {}).length;
    const kept = Object.keys(cut.components?.schemas ?? {}).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(all / 4);
    expect(cut.components?.schemas).not.toHaveProperty('Contact');
  });

  it('refuses an operation the spec does not have', () => {
    expect(() => specForOperation(spec, '/genders', 'patch')).toThrow(/no PATCH \/genders/);
  });
});

describe('createContractValidation with a spec the library refuses', () => {
  it('passes the load error on to every request instead of crashing', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // A reference to a schema that does not exist: the library cannot load the operation's document.
      const content = { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } };
      const broken = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/genders': { get: { responses: { '200': { description: 'ok', content } } } } } };
      const { middleware } = createContractValidation(broken, validatorOptions({ validateResponses: true, uploadLimitBytes }));
      const operation = operationList.find((op) => op.operationId === 'listGenders')!;
      const errors = await Promise.all(
        [1, 2].map(
          () =>
            new Promise<unknown>((resolve) => {
              middleware({} as never, { locals: { operation } } as never, resolve);
            }),
        ),
      );
      for (const err of errors) expect(String((err as Error).message)).toMatch(/Missing/);
    } finally {
      quiet.mockRestore();
    }
  });
});
