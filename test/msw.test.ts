// The generated MSW handlers (generated/msw/) under msw/node, called through the generated SDK at a base URL that
// only MSW answers: every operation answers its documented example, valid by the contract with the headers the
// contract declares; the typed overrides answer the example, status or body asked for; and the request checks
// answer the contract's errors. Every expected value is read from the contract, not from the generated module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createConfig, type Client } from '../generated/client/client/index.js';
import * as sdk from '../generated/client/sdk.gen.js';
import type { GetContactResponses } from '../generated/client/types.gen.js';
import { handlers, mockHandler, mswHandlers, mswPath, responses, type AnyMockOptions, type MockOperation } from '../generated/msw/index.js';
import {
  errorCodes,
  escapePointerToken,
  globalSortValues,
  isObject,
  loadContract,
  objectShape,
  operations,
  type ErrorCode,
  type Json,
  type JsonObject,
  type OperationMeta,
} from '../contract/index.js';
import { responseProblems } from '../contract/responses.js';
import { shadowingPaths } from '../scripts/lib/msw.js';

const contract = loadContract();
const allOps = Object.values(operations) as OperationMeta[];

/** Any base URL ending in /api: nothing listens there, MSW answers. */
const BASE = 'http://mock.test/api';
const server = setupServer(...handlers);
let client: Client;
let anonymous: Client;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  client = createClient(createConfig({ baseUrl: BASE, auth: 'any-token' }));
  anonymous = createClient(createConfig({ baseUrl: BASE }));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// --- what the contract says -------------------------------------------------------------------------------------

/** A status's examples as the contract documents them: the named ones in order, else the media type's example. */
function documentedExamples(operationId: string, status: number): { names: string[]; values: Json[] } {
  const found = contract.response(operationId, status);
  const content = found && isObject(found.response['content']) ? found.response['content'] : {};
  const media = content['application/json'];
  if (!isObject(media)) return { names: [], values: [] };
  const named = Object.entries(isObject(media['examples']) ? media['examples'] : {}).map(([name, example]) => {
    const resolved = contract.resolve(example);
    return [name, isObject(resolved) ? resolved['value']! : null] as const;
  });
  if (named.length > 0) return { names: named.map(([name]) => name), values: named.map(([, value]) => value) };
  const schema = contract.resolve(media['schema']);
  return { names: [], values: [media['example'] ?? (isObject(schema) ? schema['example']! : null)] };
}

/** The spec's example of each path parameter (operation-level or path-level). */
function pathExamples(op: OperationMeta): Record<string, Json> {
  const declared = [
    ...((contract.at(`/paths/${escapePointerToken(op.path)}/parameters`) as Json[] | undefined) ?? []),
    ...((contract.specOperation(op.operationId)['parameters'] as Json[] | undefined) ?? []),
  ];
  const values: Record<string, Json> = {};
  for (const raw of declared) {
    const param = contract.resolve<JsonObject>(raw);
    if (param?.['in'] === 'path') values[String(param['name'])] = param['example']!;
  }
  return values;
}

/** A valid request body: the documented example, with a file for each binary field of a multipart body. */
function exampleBody(op: OperationMeta): unknown {
  const body = contract.requestBody(op.operationId);
  if (!body) return undefined;
  if (body.contentType !== 'multipart/form-data') return body.example;
  const form: Record<string, unknown> = {};
  const { properties, required } = objectShape(contract.document, contract.at(body.schemaPointer));
  for (const [name, property] of Object.entries(properties)) {
    if (property['format'] === 'binary') form[name] = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    else if (required.includes(name)) form[name] = (body.example as JsonObject)[name];
  }
  return form;
}

const errorBody = (code: ErrorCode) => ({ error: { message: errorCodes[code].message, error_code: code } });

// --- calling through the SDK ------------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: unknown;
  problems: string[];
}

type SdkFunction = (options: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Calls an operation through the generated SDK and judges the answer by the contract. */
async function call(op: OperationMeta, options: { client?: Client; path?: unknown; query?: unknown; body?: unknown } = {}): Promise<Answer> {
  const fn = (sdk as unknown as Record<string, SdkFunction>)[op.operationId]!;
  const result = await fn({ client, path: pathExamples(op), body: exampleBody(op), ...options });
  const body = result.response.ok ? result.data : result.error;
  const problems = responseProblems(
    {
      method: op.method,
      template: op.path,
      status: result.response.status,
      headers: Object.fromEntries(result.response.headers),
      body: JSON.stringify(body),
    },
    contract,
  );
  return { status: result.response.status, body, problems };
}

/** The untyped factory of an operation, for loops over every operation (the typed ones are in msw-types.test.ts). */
const factory = (operationId: string) => (mswHandlers as unknown as Record<string, (options?: AnyMockOptions) => HttpHandler>)[operationId]!;

// --- the tests --------------------------------------------------------------------------------------------------

describe('generated MSW handlers, defaults', () => {
  it('has one handler per operation of the contract', () => {
    expect(handlers.length).toBe(allOps.length);
    expect(Object.keys(mswHandlers).sort()).toEqual(allOps.map((op) => op.operationId).sort());
  });

  it('answers every operation through the SDK with its success status and first example, valid by the contract', async () => {
    const wrong: string[] = [];
    for (const op of allOps) {
      const answer = await call(op);
      const expected = documentedExamples(op.operationId, op.successStatus).values[0];
      if (answer.status !== op.successStatus) wrong.push(`${op.operationId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      else if (answer.problems.length > 0) wrong.push(`${op.operationId}: ${answer.problems.join('; ')}`);
      else if (JSON.stringify(answer.body) !== JSON.stringify(expected)) wrong.push(`${op.operationId}: not the first documented example`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers at any base URL that ends in /api', async () => {
    const elsewhere = createClient(createConfig({ baseUrl: 'https://crm.example.org:8443/monica/api', auth: 't' }));
    const answer = await call(operations.listContacts, { client: elsewhere });
    expect(answer).toMatchObject({ status: operations.listContacts.successStatus, problems: [] });
    expect(mswPath(operations.updateConversationMessage.path)).toBe('*/api/conversations/:id/messages/:messageId');
  });

  it('lets the literal path win over a parameter whatever the order of the handlers', async () => {
    // The contract has no such pair today: make one, `/me/{id}` beside the real `/me/compliance`.
    const literal = operations.listComplianceSignatures;
    const byParam = { ...operations.getContact, path: '/me/{id}' };
    const context = { contract: { errorCodes, globalSortValues }, schemas: {} };
    const paramOp: MockOperation = { ...context, meta: byParam, responses: responses.getContact, shadowedBy: shadowingPaths(byParam, [byParam, literal]) };
    const literalOp: MockOperation = { ...context, meta: literal, responses: responses.listComplianceSignatures, shadowedBy: shadowingPaths(literal, [byParam, literal]) };
    expect(paramOp.shadowedBy).toEqual(['/me/compliance']);
    expect(literalOp.shadowedBy).toEqual([]);
    const answers = async () => {
      const list = await fetch(`${BASE}/me/compliance`, { headers: { Authorization: 'Bearer t' } });
      const one = await fetch(`${BASE}/me/7`, { headers: { Authorization: 'Bearer t' } });
      return [await list.json(), await one.json()];
    };
    const expected = [documentedExamples('listComplianceSignatures', 200).values[0], documentedExamples('getContact', 200).values[0]];
    // `use` puts its handlers first, in the order given.
    server.use(mockHandler(literalOp), mockHandler(paramOp));
    expect(await answers()).toEqual(expected);
    server.resetHandlers();
    server.use(mockHandler(paramOp), mockHandler(literalOp));
    expect(await answers()).toEqual(expected);
  });
});

describe('generated MSW handlers, overrides', () => {
  it('answers each named example of every success status that has several', async () => {
    let checked = 0;
    for (const op of allOps) {
      const { names, values } = documentedExamples(op.operationId, op.successStatus);
      if (names.length < 2) continue;
      for (const [i, name] of names.entries()) {
        server.use(factory(op.operationId)({ example: name }));
        const answer = await call(op);
        expect(answer, `${op.operationId} ${name}`).toMatchObject({ status: op.successStatus, problems: [] });
        expect(answer.body, `${op.operationId} ${name}`).toEqual(values[i]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4);
  });

  it('answers every documented status of a few operations with that status\'s first example', async () => {
    for (const op of [operations.getContact, operations.createContact, operations.listNotes, operations.createDocument] as OperationMeta[]) {
      const statuses = op.statuses.filter((s): s is number => typeof s === 'number');
      expect(statuses.length).toBeGreaterThan(3);
      for (const status of statuses) {
        server.use(factory(op.operationId)({ status }));
        const answer = await call(op);
        expect(answer, `${op.operationId} ${status}`).toMatchObject({ status, problems: [] });
        expect(answer.body, `${op.operationId} ${status}`).toEqual(documentedExamples(op.operationId, status).values[0]);
      }
    }
  });

  it('answers a body of the test\'s own, typed as the operation\'s response, and a named example of an error status', async () => {
    const real = documentedExamples('getContact', 200).values[0] as GetContactResponses[200];
    const custom: GetContactResponses[200] = { data: { ...real.data, first_name: 'Custom' } as GetContactResponses[200]['data'] };
    server.use(mswHandlers.getContact({ body: custom }));
    expect(await call(operations.getContact)).toEqual({ status: 200, body: custom, problems: [] });

    const names = documentedExamples('listContacts', 400).names;
    server.use(mswHandlers.listContacts({ status: 400, example: 'invalidSort' }));
    const answer = await call(operations.listContacts);
    expect(names).toContain('invalidSort');
    expect(answer.body).toEqual(documentedExamples('listContacts', 400).values[names.indexOf('invalidSort')]);
  });

  it('answers once with `once`, then the defaults again', async () => {
    server.use(mswHandlers.getNote({ status: 404, once: true }));
    expect((await call(operations.getNote)).status).toBe(404);
    expect((await call(operations.getNote)).status).toBe(operations.getNote.successStatus);
  });
});

describe('generated MSW handlers, request checks', () => {
  it('answers 401 with the contract\'s example to a call without a token where one is needed, and serves the others', async () => {
    for (const op of allOps) {
      const answer = await call(op, { client: anonymous });
      if (op.authRequired) {
        expect(answer, op.operationId).toMatchObject({ status: 401, problems: [] });
        expect(answer.body, op.operationId).toEqual(documentedExamples(op.operationId, 401).values[0]);
      } else {
        expect(answer.status, op.operationId).toBe(op.successStatus);
      }
    }
    expect(allOps.some((op) => !op.authRequired)).toBe(true);
    const blank = await fetch(`${BASE}/contacts`, { headers: { Authorization: 'Bearer  ' } });
    expect(blank.status).toBe(401);
  });

  it('answers 422 with code 32 to every JSON body missing a required field', async () => {
    let checked = 0;
    for (const op of allOps) {
      const body = contract.requestBody(op.operationId);
      if (body?.contentType !== 'application/json' || !isObject(body.example) || !op.statuses.includes(errorCodes[32].status)) continue;
      const field = body.required.find((name) => name in (body.example as JsonObject));
      if (!field) continue;
      const { [field]: _dropped, ...rest } = body.example;
      const answer = await call(op, { body: rest });
      expect(answer, `${op.operationId} without ${field}`).toMatchObject({ status: errorCodes[32].status, problems: [] });
      const messages = (answer.body as { error: { message: string[]; error_code: number } }).error;
      expect(messages.error_code).toBe(32);
      expect(messages.message.join(' '), op.operationId).toContain(field.replace(/_/g, ' '));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('answers 400 with code 37 to a body that is not JSON', async () => {
    for (const op of allOps.filter((o) => o.requestContentType === 'application/json')) {
      const url = `${BASE}${op.path.replace(/\{([^}]+)\}/g, (_, name: string) => String(pathExamples(op)[name]))}`;
      const res = await fetch(url, { method: op.method, headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: '{"first_name":' });
      expect(res.status, op.operationId).toBe(errorCodes[37].status);
      expect(await res.json(), op.operationId).toEqual(errorBody(37));
    }
  });

  it('answers 400 with code 30 to a limit over the maximum, and 39 to a sort the list does not take', async () => {
    const lists = allOps.filter((op) => op.paging !== null);
    expect(lists.length).toBeGreaterThan(20);
    for (const op of lists) {
      const over = await call(op, { query: { limit: op.paging!.maxLimit + 1 } });
      expect(over, op.operationId).toMatchObject({ status: errorCodes[30].status, body: errorBody(30), problems: [] });
      expect((await call(op, { query: { limit: op.paging!.maxLimit } })).status, op.operationId).toBe(op.successStatus);
      const unknownSort = await call(op, { query: { sort: 'nonsense' } });
      expect(unknownSort, op.operationId).toMatchObject({ status: errorCodes[39].status, body: errorBody(39), problems: [] });
      // A value of Monica's global list that this list does not sort by.
      const foreign = op.sort && globalSortValues.find((value) => !op.sort!.values.includes(value));
      if (foreign) expect((await call(op, { query: { sort: foreign } })).body, op.operationId).toEqual(errorBody(39));
    }
  });

  it('answers 422 to a query value the contract refuses, and 404 to a path id that cannot be one', async () => {
    const page = await call(operations.listNotes, { query: { page: 0 } });
    expect(page).toMatchObject({ status: errorCodes[32].status, problems: [] });
    const id = await call(operations.getNote, { path: { id: 'abc' } });
    expect(id).toMatchObject({ status: errorCodes[31].status, body: errorBody(31), problems: [] });
  });

  it('accepts exactly the lenient values the contract accepts (numeric strings, "1"/"0")', async () => {
    const op = operations.createContact;
    const body = contract.requestBody(op.operationId)!;
    const validate = contract.validator(body.schemaPointer);
    const cases: [string, Json][] = [];
    for (const value of [true, false, 1, 0, '1', '0', 'yes', 'true', 2, null]) cases.push(['is_birthdate_known', value]);
    for (const value of [2, '2', 'two', 1.5, null]) cases.push(['gender_id', value]);
    for (const [field, value] of cases) {
      const sent = { ...(body.example as JsonObject), [field]: value };
      const answer = await call(op, { body: sent });
      const accepted = validate(sent);
      expect(answer.status, `${field}: ${JSON.stringify(value)}`).toBe(accepted ? op.successStatus : errorCodes[32].status);
      expect(answer.problems).toEqual([]);
    }
    expect(cases.some(([, value]) => typeof value === 'string' && validate({ ...(body.example as JsonObject), gender_id: value }))).toBe(true);
  });

  it('checks multipart bodies: the file is required and must be a file', async () => {
    const op = operations.createDocument;
    const { required } = objectShape(contract.document, contract.at(contract.requestBody(op.operationId)!.schemaPointer));
    const file = required.find((name) => name !== 'contact_id')!;
    const { [file]: _file, ...rest } = exampleBody(op) as Record<string, unknown>;
    const missing = await call(op, { body: rest });
    expect(missing).toMatchObject({ status: errorCodes[32].status, problems: [] });
    const asText = await call(op, { body: { ...rest, [file]: 'not a file' } });
    expect(asText).toMatchObject({ status: errorCodes[32].status, problems: [] });
  });
});

describe('generated/msw in a browser', () => {
  it('imports no node: module, directly or through the generated modules it loads', () => {
    const root = fileURLToPath(new URL('../generated/msw/', import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2]);
      for (const specifier of specifiers) {
        expect(specifier, file).not.toMatch(/^node:|^(fs|path|url|os|child_process|crypto)$/);
        if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, '.ts')));
        else expect(['msw', 'zod'], `${file} imports ${specifier}`).toContain(specifier);
      }
    };
    visit(path.join(root, 'index.ts'));
    expect([...seen].map((file) => path.relative(root, file)).sort()).toEqual(
      expect.arrayContaining(['handlers.gen.ts', 'responses.gen.ts', 'runtime.gen.ts', '../client/zod.gen.ts', '../server/operations.gen.ts']),
    );
  });
});
