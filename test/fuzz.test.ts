// Bad input never breaks the reference server, and valid input is taken: every operation of the table gets
// generated requests (valid ones from its schemas and the rules its descriptions state, each of which must succeed,
// then cases broken in one way), with a fixed seed so a failure here fails the same way every time, and whatever
// ran before. The rules checked on each answer are in test/fuzz/invariants.ts and roundTrip.ts; `npm run fuzz` runs
// the same generators for longer, with a new seed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operation as operationMeta } from '../conformance/contract.js';
import { operationIds } from '../contract/index.js';
import { valueAt } from '../conformance/http.js';
import { DAY_SCHEMA, fuzzOperations, namesDay, type FuzzOperation } from './fuzz/spec.js';
import { isRealDay, nastyQueryCases } from './fuzz/cases.js';
import { checkOneCase, describeFailure, fuzzOperation, startFuzzSession, type FuzzSession } from './fuzz/runner.js';
import { dayProblems, isFreeText, sentDays, trimSpaces } from './fuzz/roundTrip.js';
import { flatten } from './fuzz/schemaArbitrary.js';
import { jsonText } from './fuzz/send.js';

const SEED = 20_240_611;
const RUNS_PER_OPERATION = 6;
const VALID_RUNS_PER_OPERATION = 2;

let session: FuzzSession;

beforeAll(async () => {
  session = await startFuzzSession();
});
afterAll(async () => {
  await session?.close();
});

/** Whether every valid body of the operation holds free text (a required text field) to compare after the write. */
function requiresText(op: FuzzOperation): boolean {
  if (op.body?.contentType !== 'application/json' || op.method === 'delete') return false;
  const schema = flatten(op.body.schema);
  const properties = (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return ((schema['required'] ?? []) as string[]).some((name) => properties[name] && isFreeText(flatten(properties[name])));
}

/** Whether every valid body of the operation holds a day (a required field of the day schema) to compare after the write. */
function requiresDay(op: FuzzOperation): boolean {
  if (!op.body || op.method === 'delete') return false;
  const required = (flatten(op.body.schema)['required'] ?? []) as string[];
  return op.body.dayFields.some((field) => required.includes(field));
}

describe(`fuzzing every operation (seed ${SEED}, ${VALID_RUNS_PER_OPERATION} valid and ${RUNS_PER_OPERATION} mixed cases each)`, () => {
  it('covers the whole operation table', () => {
    // The table is the generated metadata (its list of operationIds): each operation of the spec is fuzzed, once.
    expect(operationIds.length).toBeGreaterThan(0);
    expect(fuzzOperations.map((op) => op.operationId)).toEqual([...operationIds]);
    expect(new Set(fuzzOperations.map((op) => op.operationId)).size).toBe(operationIds.length);
  });

  for (const op of fuzzOperations) {
    it(`${op.operationId}: ${op.method.toUpperCase()} ${op.path}`, async () => {
      const result = await fuzzOperation(session, op, { seed: SEED, runs: RUNS_PER_OPERATION, validRuns: VALID_RUNS_PER_OPERATION, shrinkTimeLimit: 20_000 });
      expect(result.failure, describeFailure(result)).toBeUndefined();
      expect(result.runs).toBeGreaterThanOrEqual(VALID_RUNS_PER_OPERATION + RUNS_PER_OPERATION);
      // Each valid case was taken (a refused one fails the run above): the operation reached real objects.
      expect(result.validRuns).toBe(VALID_RUNS_PER_OPERATION);
      expect(Object.keys(result.statuses).some((status) => status.startsWith('2')), JSON.stringify(result.statuses)).toBe(true);
      if (requiresText(op)) expect(result.textsCompared, 'texts compared after successful writes').toBeGreaterThan(0);
      if (requiresDay(op)) expect(result.daysCompared, 'days compared after successful writes').toBeGreaterThan(0);
    }, 60_000);
  }

  it('answers nasty text in the query string of every operation as the contract says', async () => {
    const failures: string[] = [];
    for (const op of fuzzOperations) {
      for (const c of nastyQueryCases(op)) {
        const { problems } = await checkOneCase(session, op, c);
        if (problems.length > 0) failures.push(problems.join('\n'));
      }
    }
    expect(failures.slice(0, 5).join('\n\n'), `${failures.length} failing requests`).toBe('');
  }, 180_000);
});

// What fuzzing found, kept as plain cases so they stay fixed whatever the generators draw.
describe('regressions found by fuzzing', () => {
  const operation = (id: string) => fuzzOperations.find((op) => op.operationId === id)!;
  const valid = { auth: 'demo' as const, path: {}, query: [] as [string, string][] };

  it('a delete whose path id has a leading space (`%201`) deletes that object and answers its id as an integer', async () => {
    // Found by `npm run fuzz -- --runs 30 --seed 99`: the validator takes " 1" as the integer 1, the handler got
    // the text " 1" and echoed it in its answer, which the response validation refused (500).
    for (const op of fuzzOperations.filter((o) => o.method === 'delete' && o.pathParams.length === 1)) {
      const id = await session.fixtures.fresh(operationMeta(op.operationId).pathParams['id']!.references!);
      const { problems, result } = await checkOneCase(session, op, { broken: 'path id with a leading space', auth: 'demo', path: { id: `%20${id}` }, query: [] });
      expect(problems, op.operationId).toEqual([]);
      expect(Object.keys(result.statuses), op.operationId).toEqual([String(operationMeta(op.operationId).successStatus)]);
    }
  }, 60_000);

  it('a birthdate_age outside 0..150 is refused with 422 and code 32, as the contract says', async () => {
    // Found by fuzzing: the server refused these ages while the contract allowed any integer; the contract now
    // states the range.
    for (const age of [-1, 151, '151']) {
      const body = { first_name: 'Aged', is_birthdate_known: true, birthdate_is_age_based: true, birthdate_age: age, is_deceased: false, is_deceased_date_known: false };
      const { problems, result } = await checkOneCase(session, operation('createContact'), { ...valid, broken: 'age out of range', body: { kind: 'json', value: body } });
      expect(problems, String(age)).toEqual([]);
      expect(result.statuses, String(age)).toEqual({ 422: 1 });
    }
  });

  it('a page number past 2^53 (page=1e308, which the validator takes as an integer) is an empty page, not a 500', async () => {
    for (const id of ['listTags', 'listContacts', 'listConversations', 'listTerms']) {
      const { problems, result } = await checkOneCase(session, operation(id), { ...valid, broken: 'page 1e308', query: [['page', '1e+308']] });
      expect(problems, id).toEqual([]);
      expect(result.statuses, id).toEqual({ 200: 1 });
    }
    const page = await session.fixtures.api('GET', '/tags?page=1e%2B308');
    expect(valueAt(page.json, '/data')).toEqual([]);
    expect(valueAt(page.json, '/meta/current_page')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('a contact search for text holding U+0000 (`%00%01%1F`) finds nothing, not a 500 (SQLite read it as a C string)', async () => {
    for (const query of ['\u0000\u0001\u001F', 'a\u0000b']) {
      const { problems, result } = await checkOneCase(session, operation('listContacts'), { ...valid, broken: 'valid', query: [['query', query]] });
      expect(problems, JSON.stringify(query)).toEqual([]);
      expect(result.statuses).toEqual({ 200: 1 });
    }
  });

  it('text made only of U+0085 is text for the contract (\\S), so it is stored as sent, not trimmed to empty', async () => {
    const nel = '\u0085';
    const { problems, result } = await checkOneCase(session, operation('createJournalEntry'), {
      ...valid,
      broken: 'valid',
      body: { kind: 'json', value: { title: `${nel}x${nel}`, post: nel } },
    });
    expect(problems).toEqual([]);
    expect(result.statuses).toEqual({ 201: 1 });
    const created = await session.fixtures.api('POST', '/tags', { name: `${nel}tag${nel}` });
    expect(valueAt(created.json, '/data/name')).toBe(`${nel}tag${nel}`);
  });
});

describe("the fuzzer's own rules", () => {
  it('allows trimming exactly what the spec counts as space: not U+0085, not control characters', () => {
    expect(trimSpaces(' \t\r\n\x0B\u00A0\uFEFF\u3000x\u2028 ')).toBe('x');
    expect(trimSpaces('\u0085x\u0085')).toBe('\u0085x\u0085');
    expect(trimSpaces('\0x\u001F')).toBe('\0x\u001F');
  });

  it('finds the day fields from the schema (LenientDate by its $ref, nullable through oneOf), and compares them by the day written', () => {
    const dayFields = Object.fromEntries(fuzzOperations.filter((op) => op.body?.dayFields.length).map((op) => [op.operationId, op.body!.dayFields]));
    expect(dayFields).toMatchObject({ createCall: ['called_at'], createGift: ['date'], updateConversationMessage: ['written_at'], createLifeEvent: ['happened_at'] });
    expect(namesDay({ $ref: DAY_SCHEMA })).toBe(true);
    expect(namesDay({ oneOf: [{ $ref: DAY_SCHEMA }, { type: 'null' }] })).toBe(true);
    expect(namesDay({ anyOf: [{ $ref: DAY_SCHEMA }, { type: 'string' }] })).toBe(false);
    expect(namesDay({ type: 'string', format: 'date' })).toBe(false);
    // Not free text: a union of a date, a date-time and a pattern.
    const createCall = fuzzOperations.find((op) => op.operationId === 'createCall')!;
    expect(isFreeText(flatten((flatten(createCall.body!.schema)['properties'] as Record<string, Record<string, unknown>>)['called_at']))).toBe(false);
    // The day as written, whatever time or zone follows; the answer's day likewise.
    const op = { ...createCall, body: { ...createCall.body!, dayFields: ['called_at'] } };
    const sent = sentDays(op, { called_at: '2024-02-03 23:30:00-05:00' });
    expect(sent).toEqual([{ field: 'called_at', value: '2024-02-03 23:30:00-05:00', day: '2024-02-03' }]);
    expect(dayProblems(sent, { data: { called_at: '2024-02-03T00:00:00Z' } }, 'answer', new Set())).toEqual([]);
    expect(dayProblems(sent, { data: { called_at: '2024-02-04T00:00:00Z' } }, 'answer', new Set())).toHaveLength(1);
    expect(dayProblems(sentDays(op, { called_at: null }), { data: { called_at: null } }, 'answer', new Set())).toEqual([]);
    expect(isRealDay('2023-02-29T10:00')).toBe(false);
    expect(isRealDay('2024-02-29 10:00')).toBe(true);
  });

  it('keeps a deeply nested body out of the case (fast-check prints it, the marker walk reads it) and writes it into the text sent', async () => {
    // Both overflowed the stack with a 3000-deep value held in the case (RangeError: Maximum call stack size exceeded).
    const body = { kind: 'json' as const, value: { name: 0, contact_id: '@fixture:contacts:0' }, nested: { field: 'name', kind: 'array' as const, depth: 5000 } };
    expect(fc.stringify(body).length).toBeLessThan(200);
    const resolved = await session.fixtures.resolve(body, 'createNote');
    expect(jsonText(resolved)).toBe(`{"name":${'['.repeat(5000)}1${']'.repeat(5000)},"contact_id":${resolved.value.contact_id}}`);
    expect(typeof resolved.value.contact_id).toBe('number');
  });
});
