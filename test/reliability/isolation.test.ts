// No account reaches another's data. Generated from the operation table and its references (x-references): every
// operation that takes an id in its path or body is called with the second account's token on the first
// account's ids. An id in the path must answer 404 (code 31); an id in the body must answer exactly as an id that
// exists nowhere does (404, or 422 for the fields the contract validates that way), so no answer tells that the
// object exists. Nothing may be written anywhere (SQLite's data_version shows any commit; every row of the
// database is compared at the end), and afterwards every read of the first account's objects answers as before.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isSharedReference, operations, type JsonObject, type Operation } from '../../conformance/contract.js';
import { FixtureRegistry, httpSend, MISSING_ID, referenceSlots, type ReferenceSlot } from '../../conformance/fixtures/index.js';
import { request, valueAt } from '../../conformance/http.js';
import { startFileServer, type FileServer } from './fileServer.js';

// On a busy machine servers start and answer slowly; these bounds only catch a hang.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

interface Case {
  operationId: string;
  method: string;
  template: string;
  op: Operation;
  /** Whether the path names objects of the account (not shared reference data, like `/me/compliance/{id}`'s term). */
  pathNamesIds: boolean;
  statuses: readonly (number | string)[];
  /** The body fields that name objects of the account (x-references), each with the fixture that fills it. */
  refs: ReferenceSlot[];
}

const cases: Case[] = operations
  .filter((op) => op.authRequired)
  .map((op) => ({
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    template: op.path,
    op,
    pathNamesIds: Object.values(op.pathParams).some((p) => p.references) && Object.values(op.pathParams).every((p) => !isSharedReference(p.references!)),
    statuses: op.statuses,
    refs: referenceSlots(op),
  }))
  .filter((c) => c.pathNamesIds || c.refs.length > 0);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const NOT_FOUND = { error: { message: 'The resource has not been found', error_code: 31 } };

let server: FileServer;
let one: FixtureRegistry;
let two: FixtureRegistry;
let snapshotBefore: string;
/** Every read of the first account's objects (GET with an id in the path), as answered before the attempts. */
let readsBefore: Map<string, unknown>;

/** What an account's request got back: the status and the body, compared whole. */
async function answer(token: string, method: string, path: string, body?: JsonObject | FormData) {
  const { status, json } = await request(server.url, method, path, { body, token });
  return { status, json };
}

/** A body the account could send with success: the contract's example, linked to that account's fixtures. */
const validBody = (fixtures: FixtureRegistry, c: Case) => fixtures.body(c.op);

/** The valid body with one field naming `id` instead (a form gets a new copy: it is read once when sent). */
async function withReference(fixtures: FixtureRegistry, c: Case, slot: ReferenceSlot, id: number): Promise<JsonObject | FormData | undefined> {
  const body = await validBody(fixtures, c);
  if (body instanceof FormData) body.set(slot.field, String(id));
  else if (body) body[slot.field] = slot.isArray ? [id] : id;
  return body;
}

const readOperations = cases.filter((c) => c.method === 'GET' && c.pathNamesIds);

async function readAllOfAccountOne(): Promise<Map<string, unknown>> {
  const reads = new Map<string, unknown>();
  for (const c of readOperations) {
    const path = await one.path(c.op);
    reads.set(`${c.operationId} ${path}`, await answer(server.tokens.demo, 'GET', path));
  }
  return reads;
}

beforeAll(async () => {
  server = await startFileServer();
  one = new FixtureRegistry(httpSend(server.url, server.tokens.demo));
  two = new FixtureRegistry(httpSend(server.url, server.tokens.other));
  // Every object both accounts need, made before anything is compared.
  for (const c of cases) {
    if (c.pathNamesIds) {
      await one.pathValues(c.op);
      await two.pathValues(c.op);
    }
    for (const ref of c.refs) {
      await one.get(ref.resource, ref.nth);
      await two.get(ref.resource, ref.nth);
    }
    await validBody(two, c);
  }
  readsBefore = await readAllOfAccountOne();
  snapshotBefore = server.snapshot();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('the operation table', () => {
  it('yields a case for every authenticated operation with an id in its path or body', () => {
    // A guard against a filter that silently drops operations: the contract has well over a hundred of them.
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.refs.length > 0 && !c.pathNamesIds).map((c) => c.operationId)).toEqual(
      expect.arrayContaining(['createNote', 'createActivity', 'createRelationship', 'createDocument', 'createPhoto', 'createContact']),
    );
  });

  it('has a write detector that sees a write', async () => {
    const before = server.writeCounter();
    expect((await answer(server.tokens.other, 'POST', '/tags', { name: 'detector' })).status).toBe(201);
    expect(server.writeCounter()).not.toBe(before);
  });

  it('lets the first account read each of its objects (the baseline the end of this file compares with)', () => {
    expect(readsBefore.size).toBe(readOperations.length);
    for (const [what, answer] of readsBefore) expect((answer as { status: number }).status, what).toBe(200);
  });
});

describe.each(cases)('$operationId ($method $template)', (c) => {
  if (c.pathNamesIds) {
    it("answers 404 to the second account on the first account's ids, and writes nothing", async () => {
      const path = await one.path(c.op);
      const body = await validBody(two, c);
      const writes = server.writeCounter();
      const got = await answer(server.tokens.other, c.method, path, body);
      expect(got, `${c.method} ${path}`).toEqual({ status: 404, json: NOT_FOUND });
      expect(server.writeCounter(), 'the database was written').toBe(writes);
    });
  }

  for (const ref of c.refs) {
    it(`refuses the first account's object in \`${ref.field}\`, writing nothing, and takes the second account's own`, async () => {
      const path = c.pathNamesIds ? await two.path(c.op) : c.template;
      const send = async (id: number) => answer(server.tokens.other, c.method, path, await withReference(two, c, ref, id));
      const foreignId = await one.get(ref.resource, ref.nth);
      const writes = server.writeCounter();
      const got = await send(foreignId);
      const missing = await send(MISSING_ID);
      expect(got, `${c.method} ${path} with ${ref.field} = ${foreignId}`).toEqual(missing);
      expect([404, 422]).toContain(got.status);
      if (got.status === 404) expect(got.json).toEqual(NOT_FOUND);
      else expect(valueAt(got.json, '/error/error_code')).toBe(32);
      if (c.statuses.includes(404) && got.status !== 404) {
        // Only fields the contract describes as validated (not looked up) may answer 422 where the operation has a 404.
        expect(JSON.stringify(got.json), ref.field).toMatch(new RegExp(ref.field.replace(/_id$/, '').replace(/_/g, '[ _]'), 'i'));
      }
      expect(server.writeCounter(), 'the database was written').toBe(writes);
      // The same request naming the second account's own object succeeds: the foreign id alone was refused.
      const control = await send(await two.get(ref.resource, ref.nth));
      expect(control.status, `${c.method} ${path} with its own ${ref.field}: ${JSON.stringify(control.json).slice(0, 300)}`).toBeLessThan(300);
    });
  }
});

describe('afterwards', () => {
  it("the first account reads every one of its objects exactly as before", async () => {
    const after = await readAllOfAccountOne();
    expect(after.size).toBe(readsBefore.size);
    for (const [what, answer] of readsBefore) expect(after.get(what), what).toEqual(answer);
  });

  it('no row of the first account changed, in any table that records the account', () => {
    // The controls wrote to the second account; rows of link tables without an account are covered by the reads.
    const accountOneId = (server.db.prepare('SELECT account_id FROM api_tokens WHERE token_hash = ?').get(sha256(server.tokens.demo)) as { account_id: number })
      .account_id;
    const firstAccountRows = (snapshot: string) =>
      Object.fromEntries(
        Object.entries(JSON.parse(snapshot) as Record<string, string[]>).map(([table, rows]) => [
          table,
          rows.filter((row) => (JSON.parse(row) as { account_id?: number }).account_id === accountOneId),
        ]),
      );
    expect(Object.values(firstAccountRows(snapshotBefore)).flat().length).toBeGreaterThan(50);
    expect(firstAccountRows(server.snapshot())).toEqual(firstAccountRows(snapshotBefore));
  });
});
