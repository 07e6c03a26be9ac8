// Bad input never breaks the reference server: every operation of the table gets generated requests (valid
// inputs from its schemas, then broken), with a fixed seed so a failure here fails the same way every time.
// The rules checked on each answer are in test/fuzz/invariants.ts and roundTrip.ts; `npm run fuzz` runs the
// same generators for longer, with a new seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzOperations } from './fuzz/spec.js';
import { databaseProblems } from './fuzz/invariants.js';
import { checkOneCase, describeFailure, fuzzOperation, startFuzzSession, type FuzzSession, type OperationResult } from './fuzz/runner.js';
import { trimSpaces } from './fuzz/roundTrip.js';

const SEED = 20_240_611;
const RUNS_PER_OPERATION = 6;

let session: FuzzSession;
const results: OperationResult[] = [];

beforeAll(async () => {
  session = await startFuzzSession();
});
afterAll(async () => {
  await session?.close();
});

describe(`fuzzing every operation (seed ${SEED}, ${RUNS_PER_OPERATION} cases each)`, () => {
  it('covers the whole operation table', () => {
    expect(fuzzOperations).toHaveLength(151);
    expect(new Set(fuzzOperations.map((op) => op.operationId)).size).toBe(151);
  });

  for (const op of fuzzOperations) {
    it(`${op.operationId}: ${op.method.toUpperCase()} ${op.path}`, async () => {
      const result = await fuzzOperation(session, op, { seed: SEED, runs: RUNS_PER_OPERATION, shrinkTimeLimit: 20_000 });
      results.push(result);
      expect(result.failure, describeFailure(result)).toBeUndefined();
      expect(result.runs).toBeGreaterThanOrEqual(RUNS_PER_OPERATION);
    }, 60_000);
  }

  it('reached real objects: most operations answered 2xx to some case, and texts were compared', () => {
    const succeeded = results.filter((r) => Object.keys(r.statuses).some((s) => s.startsWith('2')));
    // Generated cases that are valid by schema still fail the server's own rules sometimes; a fuzzer that never
    // got past validation would prove little, so most operations must have seen a success.
    expect(succeeded.length, `operations without a 2xx: ${results.filter((r) => !succeeded.includes(r)).map((r) => r.operationId).join(', ')}`).toBeGreaterThan(
      results.length * 0.7,
    );
    expect(results.reduce((n, r) => n + r.textsCompared, 0)).toBeGreaterThan(50);
  });

  it('leaves a sound database file and a quiet log', () => {
    expect(databaseProblems(session.databaseFile)).toEqual([]);
    expect(session.logs).toEqual([]);
  });
});

// What fuzzing found, kept as plain cases so they stay fixed whatever the generators draw.
describe('regressions found by fuzzing', () => {
  const operation = (id: string) => fuzzOperations.find((op) => op.operationId === id)!;
  const valid = { auth: 'demo' as const, path: {}, query: [] as [string, string][] };

  it('a page number past 2^53 (page=1e308, which the validator takes as an integer) is an empty page, not a 500', async () => {
    for (const id of ['listTags', 'listContacts', 'listConversations', 'listTerms']) {
      const { problems, result } = await checkOneCase(session, operation(id), { ...valid, broken: 'page 1e308', query: [['page', '1e+308']] });
      expect(problems, id).toEqual([]);
      expect(result.statuses, id).toEqual({ 200: 1 });
    }
    const page = await session.fixtures.api('GET', '/tags?page=1e%2B308');
    expect(page.json.data).toEqual([]);
    expect(page.json.meta.current_page).toBe(Number.MAX_SAFE_INTEGER);
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
    expect(created.json.data.name).toBe(`${nel}tag${nel}`);
  });
});

describe('the round-trip rule itself', () => {
  it('allows trimming exactly what the spec counts as space: not U+0085, not control characters', () => {
    expect(trimSpaces(' \t\r\n\x0B\u00A0\uFEFF\u3000x\u2028 ')).toBe('x');
    expect(trimSpaces('\u0085x\u0085')).toBe('\u0085x\u0085');
    expect(trimSpaces('\0x\u001F')).toBe('\0x\u001F');
  });
});
