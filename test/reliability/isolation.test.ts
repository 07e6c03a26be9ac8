// No account reaches another's data. Generated from the operation table and the request schemas: every
// operation that takes an id in its path or body is called with the second account's token on the first
// account's ids. An id in the path must answer 404 (code 31); an id in the body must answer exactly as an id that
// exists nowhere does (404, or 422 for the fields the contract validates that way), so no answer tells that the
// object exists. Nothing may be written anywhere (SQLite's data_version shows any commit; every row of the
// database is compared at the end), and afterwards every read of the first account's objects answers as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operations } from '../../generated/server/operations.gen.js';
import { bodyRefs, fixtureContext, pathRules, type FixtureContext } from '../helpers/resourceFixtures.js';
import { startFileServer, type FileServer } from './fileServer.js';

// On a busy machine servers start and answer slowly; these bounds only catch a hang.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

type Body = Record<string, unknown>;
type Schema = Record<string, any>;

const spec = JSON.parse(readFileSync(fileURLToPath(new URL('../../generated/openapi.json', import.meta.url)), 'utf8'));

function deref(node: Schema | undefined): Schema {
  if (!node || typeof node.$ref !== 'string') return node ?? {};
  return deref(node.$ref.replace(/^#\//, '').split('/').reduce((at: any, key: string) => at[key], spec));
}

/** Every property a request schema can have, through allOf/anyOf/oneOf. */
function properties(schema: Schema | undefined): Record<string, Schema> {
  const s = deref(schema);
  const out: Record<string, Schema> = { ...(s.properties ?? {}) };
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of s[key] ?? []) Object.assign(out, properties(sub));
  return out;
}

/** Fields that name another object but have no fixture module entry (bodyRefs) of their own. */
const EXTRA_REFS: Record<string, string> = { gender_id: 'genders', tags: 'tags' };
/** Reference data every account shares, so any account may name it. */
const SHARED_REFERENCE_FIELDS = new Set(['emotions']);
const ID_SCHEMAS = /\/(Id|LenientId|LenientNullableId)$/;
/**
 * Paths whose id names shared reference data rather than an object of the account: `/me/compliance/{id}` is the
 * caller's own signature of a term every account shares.
 */
const SHARED_REFERENCE_PATHS = new Set(['/me/compliance/{id}']);

interface RefField {
  name: string;
  fixture: string;
  isArray: boolean;
}

/** The fields of a request body that name objects of the account. Deprecated fields are ignored by the server. */
function refFields(schema: Schema | undefined): RefField[] {
  const fields: RefField[] = [];
  for (const [name, property] of Object.entries(properties(schema))) {
    const isArray = property.type === 'array' || deref(property).type === 'array';
    const itemRef = property.items?.$ref ?? deref(property).items?.$ref ?? '';
    const namesAnId = /_id$/.test(name) || name in bodyRefs || ID_SCHEMAS.test(property.$ref ?? '') || ID_SCHEMAS.test(itemRef);
    if (!namesAnId || SHARED_REFERENCE_FIELDS.has(name) || property.deprecated) continue;
    const fixture = bodyRefs[name] ?? EXTRA_REFS[name];
    if (!fixture) throw new Error(`no fixture is known for the id field "${name}"; add it to EXTRA_REFS or a resource module`);
    fields.push({ name, fixture, isArray });
  }
  return fields;
}

interface Case {
  operationId: string;
  method: string;
  template: string;
  pathParams: string[];
  statuses: readonly (number | string)[];
  contentType?: 'json' | 'multipart';
  example?: Body;
  binaryFields: string[];
  refs: RefField[];
}

const cases: Case[] = Object.values(operations)
  .filter((op) => op.authRequired && !SHARED_REFERENCE_PATHS.has(op.path))
  .map((op) => {
    const operation = spec.paths[op.path][op.method];
    const content = operation.requestBody?.content ?? {};
    const mediaType = Object.keys(content)[0];
    const media = mediaType ? content[mediaType] : undefined;
    const schema = media?.schema;
    const firstExample = media?.examples ? deref(Object.values(media.examples)[0] as Schema).value : undefined;
    return {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      template: op.path,
      pathParams: (op.path.match(/\{[^}]+\}/g) ?? []).map((p) => p.slice(1, -1)),
      statuses: op.statuses,
      contentType: mediaType === undefined ? undefined : /multipart/.test(mediaType) ? ('multipart' as const) : ('json' as const),
      example: media ? (media.example ?? firstExample ?? deref(schema).example) : undefined,
      binaryFields: Object.entries(properties(schema))
        .filter(([, p]) => p.format === 'binary')
        .map(([name]) => name),
      refs: media ? refFields(schema) : [],
    };
  })
  .filter((c) => c.pathParams.length > 0 || c.refs.length > 0);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const NOT_FOUND = { error: { message: 'The resource has not been found', error_code: 31 } };
/** A 1x1 PNG: a file any upload takes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

let server: FileServer;
let one: FixtureContext;
let two: FixtureContext;
let snapshotBefore: string;
const pathValueCache = new Map<string, Promise<Record<string, number>>>();
/** Every read of the first account's objects (GET with an id in the path), as answered before the attempts. */
let readsBefore: Map<string, unknown>;

/** The ids a path names in one account: the resource module's rule, or the fixture named like the first segment. */
function pathValues(ctx: FixtureContext, owner: string, c: Case): Promise<Record<string, number>> {
  const key = `${owner} ${c.template}`;
  if (!pathValueCache.has(key)) {
    const rule = pathRules[c.template];
    pathValueCache.set(key, rule?.params ? rule.params(ctx) : ctx.fixture(c.template.split('/')[1]).then((id) => ({ [c.pathParams[0]]: id })));
  }
  return pathValueCache.get(key)!;
}

const fill = (template: string, values: Record<string, number>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => String(values[name]));

/** A body the account `ctx` could send with success: the contract's example, linked to that account's fixtures. */
async function validBody(ctx: FixtureContext, c: Case): Promise<Body> {
  let body = structuredClone(c.example ?? {}) as Body;
  for (const ref of c.refs) {
    if (!(ref.name in body)) continue;
    const id = await ctx.fixture(ref.fixture);
    body[ref.name] = ref.isArray ? [id] : id;
  }
  const rule = pathRules[c.template];
  if (rule?.body) body = await rule.body(body, ctx, 200);
  return body;
}

function encode(c: Case, body: Body | undefined): unknown {
  if (body === undefined || c.contentType !== 'multipart') return body;
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    form.append(name, c.binaryFields.includes(name) ? new File([PNG], `${name}.png`, { type: 'image/png' }) : String(value));
  }
  return form;
}

const readOperations = cases.filter((c) => c.method === 'GET' && c.pathParams.length > 0);

async function readAllOfAccountOne(): Promise<Map<string, unknown>> {
  const reads = new Map<string, unknown>();
  for (const c of readOperations) {
    const path = fill(c.template, await pathValues(one, 'one', c));
    reads.set(`${c.operationId} ${path}`, await one.api('GET', path));
  }
  return reads;
}

beforeAll(async () => {
  server = await startFileServer();
  one = fixtureContext(server.url, server.tokens.demo);
  two = fixtureContext(server.url, server.tokens.other);
  // Every object both accounts need, made before anything is compared.
  for (const c of cases) {
    if (c.pathParams.length > 0) {
      await pathValues(one, 'one', c);
      await pathValues(two, 'two', c);
    }
    for (const ref of c.refs) {
      await one.fixture(ref.fixture);
      await two.fixture(ref.fixture);
    }
    if (c.example) await validBody(two, c);
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
    expect(cases.filter((c) => c.refs.length > 0 && c.pathParams.length === 0).map((c) => c.operationId)).toEqual(
      expect.arrayContaining(['createNote', 'createActivity', 'createRelationship', 'createDocument', 'createPhoto', 'createContact']),
    );
  });

  it('has a write detector that sees a write', async () => {
    const before = server.writeCounter();
    expect((await two.api('POST', '/tags', { name: 'detector' })).status).toBe(201);
    expect(server.writeCounter()).not.toBe(before);
  });

  it('lets the first account read each of its objects (the baseline the end of this file compares with)', () => {
    expect(readsBefore.size).toBe(readOperations.length);
    for (const [what, answer] of readsBefore) expect((answer as { status: number }).status, what).toBe(200);
  });
});

describe.each(cases)('$operationId ($method $template)', (c) => {
  if (c.pathParams.length > 0) {
    it("answers 404 to the second account on the first account's ids, and writes nothing", async () => {
      const path = fill(c.template, await pathValues(one, 'one', c));
      const body = c.contentType ? encode(c, await validBody(two, c)) : undefined;
      const writes = server.writeCounter();
      const answer = await two.api(c.method, path, body);
      expect(answer, `${c.method} ${path}`).toEqual({ status: 404, json: NOT_FOUND });
      expect(server.writeCounter(), 'the database was written').toBe(writes);
    });
  }

  for (const ref of c.refs) {
    it(`refuses the first account's object in \`${ref.name}\`, writing nothing, and takes the second account's own`, async () => {
      const path = c.pathParams.length > 0 ? fill(c.template, await pathValues(two, 'two', c)) : c.template;
      const body = await validBody(two, c);
      const send = (id: number) => two.api(c.method, path, encode(c, { ...body, [ref.name]: ref.isArray ? [id] : id }));
      const foreignId = await one.fixture(ref.fixture);
      const writes = server.writeCounter();
      const answer = await send(foreignId);
      const missing = await send(one.MISSING_ID);
      expect(answer, `${c.method} ${path} with ${ref.name} = ${foreignId}`).toEqual(missing);
      expect([404, 422]).toContain(answer.status);
      if (answer.status === 404) expect(answer.json).toEqual(NOT_FOUND);
      else expect(answer.json.error.error_code).toBe(32);
      if (c.statuses.includes(404) && answer.status !== 404) {
        // Only fields the contract describes as validated (not looked up) may answer 422 where the operation has a 404.
        expect(JSON.stringify(answer.json), ref.name).toMatch(new RegExp(ref.name.replace(/_id$/, '').replace(/_/g, '[ _]'), 'i'));
      }
      expect(server.writeCounter(), 'the database was written').toBe(writes);
      // The same request naming the second account's own object succeeds: the foreign id alone was refused.
      const own = (body[ref.name] ?? (await two.fixture(ref.fixture))) as number | number[];
      const control = await send(Array.isArray(own) ? own[0] : own);
      expect(control.status, `${c.method} ${path} with its own ${ref.name}: ${JSON.stringify(control.json).slice(0, 300)}`).toBeLessThan(300);
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
