// The control API (server/control/): accounts for end-to-end tests, made and reset on demand. Every answer is checked
// against the control API's own OpenAPI document; a reset is checked on every GET answer of the account.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createContact,
  createGender,
  deleteContact,
  deleteGender,
  deleteNote,
  deletePhoto,
  getCurrentUser,
  listGenders,
  listNotes,
  listPhotos,
  updateContactFieldType,
  updateNote,
} from '../generated/client/sdk.gen.js';
import { readConfig } from '../server/config.js';
import { hashId } from '../server/present/contactSummary.js';
import { CONTROL_SPEC_PATH } from '../server/control/spec.js';
import { startServer, type RunningServer } from '../server/start.js';
import { accountAnswers, differences } from './helpers/accountAnswers.js';
import { clientFor } from './helpers/client.js';
import { createTestClock } from './helpers/clock.js';
import { controlDocument, controlRequester, resolveControlRef, type ControlAnswer } from './helpers/control.js';
import { ok } from './helpers/expect.js';
import { contactBody, newContact, newDocument, newNote, newPhoto, newTag, tagContact } from './helpers/factories.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const CREATED_AT = '2024-06-15T10:00:00Z';
const CONTROL_TOKEN = 'a-control-token-for-the-tests';

const clock = createTestClock(CREATED_AT);
let server: RunningServer;
let control: ReturnType<typeof controlRequester>;
const started: RunningServer[] = [];

beforeAll(async () => {
  server = await startServer({ demoData: true, now: clock.now, rateLimit: 1_000_000, log: () => {} });
  started.push(server);
  control = controlRequester(server.controlUrl!);
});
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

/** An answer as the document describes it, with the expected status. */
function expectAnswer<T>(answer: ControlAnswer<T>, status: number): T {
  expect(answer.problems).toEqual([]);
  expect(answer.status, answer.text).toBe(status);
  return answer.body;
}

async function newAccount(body: Record<string, unknown> = {}) {
  const created = expectAnswer(await control('POST', '/accounts', { body }), 201);
  return { ...created, client: clientFor(created.api_url, created.token) };
}

async function reset(id: number) {
  return expectAnswer(await control('POST', `/accounts/${id}/reset`), 200);
}

describe('the control API document', () => {
  const text = readFileSync(CONTROL_SPEC_PATH, 'utf8');

  it('is a valid OpenAPI 3.1 document', () => {
    // The OpenAPI Initiative's 3.1 schema, as test/spec.test.ts checks the Monica contract with.
    const metaSchema = require('express-openapi-validator/dist/framework/openapi.v3_1.modified.schema.json');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('media-range', true);
    const validate = ajv.compile(metaSchema);
    expect(validate(controlDocument) ? [] : validate.errors).toEqual([]);
    expect(controlDocument).toMatchObject({ openapi: '3.1.0' });
  });

  it('has examples that validate against their own schemas', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'control', components: controlDocument.components }, 'control');
    const check = (where: string, schema: unknown, value: unknown) => {
      const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"control#/')));
      return validate(value) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
    };
    const failures: string[] = [];
    let examples = 0;
    for (const [path, item] of Object.entries(controlDocument.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        const media = [resolveControlRef(operation.requestBody), ...Object.values<any>(operation.responses).map(resolveControlRef)]
          .flatMap((part) => Object.values<any>(part?.content ?? {}));
        for (const m of media.filter((m) => 'example' in m)) {
          examples += 1;
          failures.push(...check(`${method.toUpperCase()} ${path}`, m.schema, m.example));
        }
      }
    }
    expect(examples).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it('is served as is at /_control/openapi.yaml', async () => {
    const answer = await control('GET', '/openapi.yaml');
    expect(expectAnswer(answer, 200)).toBe(text);
    expect(answer.headers.get('content-type')).toMatch(/^application\/yaml/);
  });
});

describe('accounts', () => {
  it('lists the server\'s two accounts, each resettable', async () => {
    const { data } = expectAnswer(await control('GET', '/accounts'), 200);
    expect(data.slice(0, 2)).toEqual([
      { id: server.accountIds.demo, name: 'Demo account', created_at: CREATED_AT, demo_data: true, resettable: true },
      { id: server.accountIds.other, name: 'Other account', created_at: CREATED_AT, demo_data: true, resettable: true },
    ]);
  });

  it('creates an empty account: its token opens the Monica API, it holds the reference data and nothing else', async () => {
    const account = await newAccount({ demo_data: false, name: 'empty one' });
    expect(account).toMatchObject({ name: 'empty one', created_at: clock.stamp(), demo_data: false, resettable: true });
    expect(account.api_url).toBe(server.url);
    expect(ok(await getCurrentUser({ client: account.client })).data).toMatchObject({ first_name: 'Jane', last_name: 'Doe' });
    expect(ok(await listGenders({ client: account.client })).data.map((g) => g.name)).toEqual(['Man', 'Woman', 'Rather not say']);
    const lists = await accountAnswers(account.api_url, account.token, { depth: 'lists' });
    for (const path of ['/contacts', '/notes', '/tags', '/activities', '/photos', '/documents', '/logs']) {
      expect(JSON.parse(lists.get(`${path}?limit=100&page=1`)!.slice(4)).data, path).toEqual([]);
    }
    expect(expectAnswer(await control('GET', `/accounts/${account.id}`), 200)).toEqual({
      id: account.id, name: 'empty one', created_at: account.created_at, demo_data: false, resettable: true,
    });
    const { data } = expectAnswer(await control('GET', '/accounts'), 200);
    expect(data.map((a: { id: number }) => a.id)).toContain(account.id);
  });

  it('creates an account with the demo account\'s content (by default, as the server has demo data)', async () => {
    const account = await newAccount();
    expect(account).toMatchObject({ name: 'Test account', demo_data: true });
    // The same content as the demo account, under other ids.
    const [mine, demo] = await Promise.all([
      accountAnswers(account.api_url, account.token, { depth: 'lists' }),
      accountAnswers(server.url, server.tokens.demo, { depth: 'lists' }),
    ]);
    // Ids (and the hash ids made from them), random uuids and stored file names aside.
    const masked = (text: string) =>
      text
        .replace(/"([a-z_]+_)?id":\d+/g, '"$1id":0')
        .replace(/\/\d+(?=["/?])/g, '/0')
        .replace(/"h:[0-9a-z]+"/g, '"h:"')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'uuid')
        .replace(/(photos|documents)\/[A-Za-z0-9]{40}/g, '$1/file');
    const lists = [...demo.keys()].filter((key) => !key.startsWith('file ')).sort();
    expect([...mine.keys()].filter((key) => !key.startsWith('file ')).sort()).toEqual(lists);
    for (const key of lists) expect(masked(mine.get(key)!), key).toBe(masked(demo.get(key)!));
    for (const path of ['/contacts', '/notes', '/tags', '/activities', '/calls', '/reminders', '/tasks', '/gifts', '/debts', '/journal', '/photos']) {
      expect(JSON.parse(mine.get(`${path}?limit=100&page=1`)!.slice(4)).data.length, path).toBeGreaterThan(0);
    }
  });
});

describe('reset', () => {
  it('gives every GET answer of a demo account back byte for byte, stored files included, whatever was written', async () => {
    clock.set(CREATED_AT);
    const account = await newAccount({ demo_data: true });
    const client = account.client;
    const before = await accountAnswers(account.api_url, account.token);
    expect(before.size).toBeGreaterThan(500);
    expect([...before.keys()].filter((k) => k.startsWith('file ')).length).toBeGreaterThan(0);

    // Writes of every kind, a day later: creations, updates, deletions (cascading ones, and of stored files),
    // tags, uploads, reference data.
    clock.advance(86_400);
    const added = await newContact(client, { first_name: 'Added' });
    await newNote(client, added.id, { body: 'a note after creation' });
    await tagContact(client, added.id, ['brand new tag']);
    await newTag(client);
    await newPhoto(client, added.id);
    await newDocument(client, added.id);
    const notes = ok(await listNotes({ client, query: { limit: 5 } })).data;
    ok(await updateNote({ client, path: { id: notes[0]!.id }, body: { body: 'rewritten', contact_id: notes[0]!.contact.id } }));
    ok(await deleteNote({ client, path: { id: notes[1]!.id } }));
    const photos = ok(await listPhotos({ client })).data;
    ok(await deletePhoto({ client, path: { id: photos[0]!.id } }));
    const demoContacts = JSON.parse(before.get('/contacts?limit=100&page=1')!.slice(4)).data as Array<{ id: number }>;
    ok(await deleteContact({ client, path: { id: demoContacts[3]!.id } }));
    ok(await deleteGender({ client, path: { id: ok(await listGenders({ client })).data[2]!.id } }));
    ok(await createGender({ client, body: { name: 'Another', type: 'O' } }), 201);
    const afterWrites = await accountAnswers(account.api_url, account.token, { depth: 'lists' });
    expect(differences(before, afterWrites).filter((k) => afterWrites.has(k) && before.has(k)).length).toBeGreaterThan(5);

    // The reset runs two days later still: it does not stamp anything with the clock.
    clock.advance(86_400);
    const answer = await reset(account.id);
    expect(answer).toEqual({ id: account.id, name: 'Test account', created_at: CREATED_AT, demo_data: true, resettable: true, renumbered: [] });
    clock.set(CREATED_AT); // answers that count days from now (ages, reminders) read the same clock as before
    const after = await accountAnswers(account.api_url, account.token);
    expect(differences(before, after)).toEqual([]);
    expect(after).toEqual(before);
  });

  it('gives an empty account back its reference data and nothing else; its tokens keep working', async () => {
    const account = await newAccount({ demo_data: false });
    const client = account.client;
    const before = await accountAnswers(account.api_url, account.token);
    await newContact(client);
    const genders = ok(await listGenders({ client })).data;
    ok(await deleteGender({ client, path: { id: genders[0]!.id } }));
    const types = JSON.parse(before.get('/contactfieldtypes?limit=100&page=1')!.slice(4)).data as Array<{ id: number }>;
    ok(await updateContactFieldType({ client, path: { id: types[0]!.id }, body: { name: 'Renamed' } }));
    expect(await accountAnswers(account.api_url, account.token)).not.toEqual(before);

    await reset(account.id);
    expect(differences(before, await accountAnswers(account.api_url, account.token))).toEqual([]);
  });

  it('touches no other account', async () => {
    const [mine, other] = [await newAccount({ demo_data: false }), await newAccount({ demo_data: true })];
    await newContact(other.client, { first_name: 'KeptByTheOther' });
    const [demoBefore, otherBefore] = await Promise.all([
      accountAnswers(server.url, server.tokens.demo, { depth: 'lists' }),
      accountAnswers(other.api_url, other.token, { depth: 'lists' }),
    ]);
    await newContact(mine.client);
    await reset(mine.id);
    expect(await accountAnswers(server.url, server.tokens.demo, { depth: 'lists' })).toEqual(demoBefore);
    expect(await accountAnswers(other.api_url, other.token, { depth: 'lists' })).toEqual(otherBefore);
  });

  it('gives a row a new id only when another account took its own, says so, and keeps it so', async () => {
    // The newest account's rows have the highest ids: when it deletes its newest contact and note, the next
    // contact and note any account makes take those ids (they are not AUTOINCREMENT).
    const account = await newAccount({ demo_data: true });
    const before = await accountAnswers(account.api_url, account.token);
    // Every contact the answers name (partial ones too) and every note.
    const highest = (pattern: RegExp) => Math.max(...[...before.keys()].flatMap((k) => pattern.exec(k)?.slice(1).map(Number) ?? []));
    const [topContact, topNote] = [highest(/^\/contacts\/(\d+)$/), highest(/^\/notes\/(\d+)$/)];
    ok(await deleteNote({ client: account.client, path: { id: topNote } }));
    ok(await deleteContact({ client: account.client, path: { id: topContact } }));
    const demo = clientFor(server.url, server.tokens.demo);
    const taker = ok(await createContact({ client: demo, body: contactBody({ first_name: 'Taker' }) }), 201).data;
    const takenNote = await newNote(demo, taker.id, { body: 'taken' });
    expect([taker.id, takenNote.id]).toEqual([topContact, topNote]);

    const { renumbered } = await reset(account.id);
    expect(renumbered).toEqual([
      { table: 'contacts', from: topContact, to: expect.any(Number) },
      { table: 'notes', from: topNote, to: expect.any(Number) },
    ]);
    const to = new Map<string, number>(renumbered.map((r: { table: string; to: number }) => [r.table, r.to] as const));
    // The other account keeps what it made; this one has its rows back under the new ids, named so everywhere.
    expect((await fetch(`${server.url}/contacts/${topContact}`, { headers: { Authorization: `Bearer ${server.tokens.demo}` } })).status).toBe(200);
    expect((await fetch(`${server.url}/contacts/${topContact}`, { headers: { Authorization: `Bearer ${account.token}` } })).status).toBe(404);
    const after = await accountAnswers(account.api_url, account.token);
    const moved = renumberedAnswers(before, [
      { object: 'contact', path: 'contacts', from: topContact, to: to.get('contacts')! },
      { object: 'note', path: 'notes', from: topNote, to: to.get('notes')! },
    ]);
    // Lists sorted by id may order the moved rows differently; everything else reads the same.
    const unordered = (answers: Map<string, string>) =>
      new Map([...answers].map(([k, v]) => [k, v.startsWith('200 {"data":[') ? JSON.stringify(sortedData(JSON.parse(v.slice(4)))) : v]));
    expect(differences(unordered(moved), unordered(after))).toEqual([]);

    // The new ids are now the starting state's: the next reset needs no renumbering and reads the same.
    expect((await reset(account.id)).renumbered).toEqual([]);
    expect(differences(after, await accountAnswers(account.api_url, account.token))).toEqual([]);
  });

  it('refuses, with 409, an account whose starting state was not kept (made while the control API was off)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'monica-control-'));
    try {
      const databasePath = join(dir, 'monica.sqlite');
      await (await startServer({ databasePath, demoData: false, controlApi: false, log: () => {} })).close();
      const again = await startServer({ databasePath, demoData: false, log: () => {} });
      started.push(again);
      const request = controlRequester(again.controlUrl!);
      const { data } = expectAnswer(await request('GET', '/accounts'), 200);
      expect(data.map((a: { demo_data: unknown; resettable: boolean }) => [a.demo_data, a.resettable])).toEqual([[null, false], [null, false]]);
      const refused = await request('POST', `/accounts/${again.accountIds.demo}/reset`);
      expect(expectAnswer(refused, 409)).toMatchObject({ error: { code: 'no_starting_state' } });
      // A new account on the same server is resettable, and stays so after a restart.
      const created = expectAnswer(await request('POST', '/accounts', { body: { demo_data: false } }), 201);
      await again.close();
      const third = await startServer({ databasePath, demoData: false, log: () => {} });
      started.push(third);
      expect(expectAnswer(await controlRequester(third.controlUrl!)('POST', `/accounts/${created.id}/reset`), 200)).toMatchObject({ resettable: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The answers as they read once rows have moved to new ids: the moved objects' ids, hash ids and URLs, the
 * `contact_id`s naming a moved contact, and the paths of the answers themselves.
 */
function renumberedAnswers(answers: Map<string, string>, moves: Array<{ object: string; path: string; from: number; to: number }>) {
  const path = (text: string) =>
    moves.reduce((t, m) => t.replace(new RegExp(`/${m.path}/${m.from}(?=$|[/?"])`, 'g'), `/${m.path}/${m.to}`), text);
  const contact = moves.find((m) => m.object === 'contact');
  const move = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(move);
    if (typeof value === 'string') return path(value);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = move(v);
    const m = moves.find((m) => out.object === m.object && out.id === m.from);
    if (m) out.id = m.to;
    if (m?.object === 'contact' && 'hash_id' in out) out.hash_id = hashId(m.to);
    if (contact && out.contact_id === contact.from) out.contact_id = contact.to;
    return out;
  };
  return new Map(
    [...answers].map(([key, text]) => {
      const [status, ...rest] = text.split(' ');
      const body = rest.join(' ');
      return [path(key), key.startsWith('file ') || !body.startsWith('{') ? text : `${status} ${JSON.stringify(move(JSON.parse(body)))}`];
    }),
  );
}

function sortedData(body: { data: Array<{ id?: number }> } & Record<string, unknown>) {
  return { ...body, data: [...body.data].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

describe('bad requests get a 4xx JSON error, as the document describes it', () => {
  const cases: Array<[what: string, method: string, path: string, request: Parameters<typeof control>[2], status: number, code: string]> = [
    ['a body that is not JSON', 'POST', '/accounts', { raw: '{"demo_data":', headers: { 'Content-Type': 'application/json' } }, 400, 'invalid_json'],
    ['a body of another type', 'POST', '/accounts', { raw: 'demo_data=true', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['an unknown property', 'POST', '/accounts', { body: { demo_data: true, accountName: 'x' } }, 422, 'validation_failed'],
    ['a property of the wrong type', 'POST', '/accounts', { body: { demo_data: 'yes' } }, 422, 'validation_failed'],
    ['an empty name', 'POST', '/accounts', { body: { name: '' } }, 422, 'validation_failed'],
    ['a name too long', 'POST', '/accounts', { body: { name: 'x'.repeat(101) } }, 422, 'validation_failed'],
    ['a body that is no object', 'POST', '/accounts', { body: [true] }, 422, 'validation_failed'],
    ['a body of null', 'POST', '/accounts', { raw: 'null', headers: { 'Content-Type': 'application/json' } }, 400, 'invalid_json'],
    ['a body in another charset', 'POST', '/accounts', { raw: '{}', headers: { 'Content-Type': 'application/json; charset=latin1' } }, 415, 'unsupported_media_type'],
    ['a path that does not decode', 'GET', '/accounts/%E0%A4%A', {}, 400, 'bad_request'],
    ['an id too long to be one', 'GET', '/accounts/99999999999999999999', {}, 400, 'invalid_id'],
    ['a body over 16 kB', 'POST', '/accounts', { body: { name: 'x'.repeat(17 * 1024) } }, 413, 'too_large'],
    ['an id that is no number', 'GET', '/accounts/abc', {}, 400, 'invalid_id'],
    ['an id of 0', 'POST', '/accounts/0/reset', {}, 400, 'invalid_id'],
    ['a negative id', 'POST', '/accounts/-1/reset', {}, 400, 'invalid_id'],
    ['a fractional id', 'GET', '/accounts/1.5', {}, 400, 'invalid_id'],
    ['an unknown account', 'GET', '/accounts/987654321', {}, 404, 'not_found'],
    ['the reset of an unknown account', 'POST', '/accounts/987654321/reset', {}, 404, 'not_found'],
    ['an unknown path', 'GET', '/tokens', {}, 404, 'not_found'],
    ['a method the path has not', 'DELETE', '/accounts', {}, 405, 'method_not_allowed'],
    ['GET on the reset', 'GET', '/accounts/1/reset', {}, 405, 'method_not_allowed'],
    ['a page of another origin', 'POST', '/accounts', { headers: { Origin: 'https://evil.example' } }, 403, 'foreign_origin'],
  ];
  it.each(cases)('%s', async (_what, method, path, request, status, code) => {
    const before = expectAnswer(await control('GET', '/accounts'), 200).data.length;
    const answer = await control(method, path, request);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(expectAnswer(answer, status)).toEqual({ error: { code, message: expect.stringMatching(/^[A-Z].+\.$/) } });
    if (status === 405) expect(answer.headers.get('allow')).toMatch(/^(GET|POST)/);
    expect(expectAnswer(await control('GET', '/accounts'), 200).data.length).toBe(before);
  });

  it('sends no CORS headers, so no web page reads it; a page of its own origin, or no Origin at all, is served', async () => {
    const preflight = await fetch(`${server.controlUrl}/accounts`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.org', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const own = await control('GET', '/accounts', { headers: { Origin: new URL(server.url).origin } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    // The Monica API keeps its CORS headers.
    const api = await fetch(`${server.url}/contacts`, { headers: { Origin: 'https://app.example.org', Authorization: `Bearer ${server.tokens.demo}` } });
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('access', () => {
  it('is open on loopback without a control token, and a Monica token is neither needed nor enough with one', async () => {
    expect((await control('GET', '/accounts')).status).toBe(200);
    const guarded = await startServer({ demoData: false, controlToken: CONTROL_TOKEN, log: () => {} });
    started.push(guarded);
    const request = controlRequester(guarded.controlUrl!);
    const monicaToken = await request('GET', '/accounts', { headers: { Authorization: `Bearer ${guarded.tokens.demo}` } });
    expect(expectAnswer(monicaToken, 401)).toMatchObject({ error: { code: 'unauthorized' } });
    expect(monicaToken.headers.get('www-authenticate')).toBe('Bearer realm="control"');
    expect((await request('GET', '/accounts', { headers: { Authorization: `Bearer ${CONTROL_TOKEN}` } })).status).toBe(200);
    // And the control token opens nothing of the Monica API.
    expect((await fetch(`${guarded.url}/contacts`, { headers: { Authorization: `Bearer ${CONTROL_TOKEN}` } })).status).toBe(401);
  });

  it('refuses to start on an address other than loopback without a control token, and requires it once started with one', async () => {
    await expect(startServer({ host: '0.0.0.0', demoData: false, log: () => {} })).rejects.toThrow(/control token.*--control-token.*--no-control-api/);
    await expect(startServer({ host: '0.0.0.0', demoData: false, controlToken: 'short', log: () => {} })).rejects.toThrow(/at least 16 characters/);
    const open = await startServer({ host: '0.0.0.0', demoData: false, controlToken: CONTROL_TOKEN, log: () => {} });
    started.push(open);
    const request = controlRequester(open.controlUrl!);
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', `Basic ${CONTROL_TOKEN}`, `Bearer ${CONTROL_TOKEN}x`]) {
      const answer = await request('POST', '/accounts', { body: {}, headers: authorization ? { Authorization: authorization } : {} });
      expect(expectAnswer(answer, 401)).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const created = await request('POST', '/accounts', { body: {}, headers: { Authorization: `Bearer ${CONTROL_TOKEN}` } });
    expect(expectAnswer(created, 201)).toMatchObject({ demo_data: false });
    // Without the control API, any address will do.
    const off = await startServer({ host: '0.0.0.0', demoData: false, controlApi: false, log: () => {} });
    started.push(off);
    expect(off.controlUrl).toBeUndefined();
  });

  it('refuses, from the command line, to start on 0.0.0.0 without a control token (exit 1, saying why)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--host', '0.0.0.0', '--database', ':memory:', '--empty'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', CONTROL_TOKEN: '', CONTROL_API: '' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/Could not start the server: the control API would be open to the network on 0\.0\.0\.0/);
    expect(output).not.toMatch(/listening on/);
  });

  it('is off with --no-control-api or CONTROL_API=false: every path under /_control is then 404', async () => {
    expect(readConfig([], {})).toMatchObject({ controlApi: true, controlToken: undefined });
    expect(readConfig(['--no-control-api'], {}).controlApi).toBe(false);
    expect(readConfig([], { CONTROL_API: 'false' }).controlApi).toBe(false);
    expect(readConfig(['--control-token', CONTROL_TOKEN], { CONTROL_TOKEN: 'from the environment' }).controlToken).toBe(CONTROL_TOKEN);
    expect(readConfig([], { CONTROL_TOKEN: 'from the environment' }).controlToken).toBe('from the environment');
    const off = await startServer({ demoData: false, controlApi: false, log: () => {} });
    started.push(off);
    const origin = new URL(off.url).origin;
    for (const [method, path] of [['GET', '/_control/accounts'], ['POST', '/_control/accounts'], ['GET', '/_control/openapi.yaml']]) {
      const res = await fetch(`${origin}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { message: 'The resource has not been found', error_code: 31 } });
    }
  });
});
