// The Prism mock's dynamic mode (`--dynamic --seed N`): for every operation with a JSON success response, the
// generated body obeys the 3.1 schema, holds no property the schema does not declare and no id below 1, and two
// Prism processes with the same seed answer byte for byte the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../mock/prism.js';
import { operationCalls, resolveRef, spec, type OperationCall } from './helpers/mockCalls.js';
import { idsBelowOne, matcher, openObjectsAndLooseIds, specAjv, undeclaredProperties, validator } from './helpers/schemaWalk.js';

const SEED = 7;

interface Answer {
  call: OperationCall;
  status: number;
  contentType: string;
  text: string;
}

/** Sends every call in order, one at a time, and keeps the raw answers. */
async function ask(base: string, calls: (base: string) => OperationCall[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const call of calls(base)) {
    const res = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body() });
    answers.push({ call, status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() });
  }
  return answers;
}

/** Whether a schema admits one value only: a `const`, a one-value `enum`, or an array of one such item. */
function singleValued(node: unknown): boolean {
  const schema = resolveRef(node) as Record<string, any> | undefined;
  if (!schema) return false;
  if ('const' in schema || (Array.isArray(schema.enum) && schema.enum.length === 1)) return true;
  return schema.type === 'array' && schema.minItems === 1 && schema.maxItems === 1 && singleValued(schema.items);
}

const jsonCalls = (base: string) => operationCalls(base).filter((call) => call.successSchema !== undefined);

describe('Prism mock, dynamic mode', () => {
  let first: MockServer;
  let second: MockServer;
  let other: MockServer;
  let answers: Answer[];
  let again: Answer[];
  let otherSeed: Answer[];

  beforeAll(async () => {
    [first, second, other] = await Promise.all([
      startMock({ dynamic: true, seed: SEED }),
      startMock({ dynamic: true, seed: SEED }),
      startMock({ dynamic: true, seed: SEED + 1 }),
    ]);
    // Three processes, asked at the same time: each answers alone, so this only saves time.
    // Another seed only needs a sample of the operations to show that it changes the data.
    const sample = (base: string) => jsonCalls(base).filter((_, i) => i % 5 === 0);
    [answers, again, otherSeed] = await Promise.all([ask(first.url, jsonCalls), ask(second.url, jsonCalls), ask(other.url, sample)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop(), other?.stop()]);
  });

  it('answers every operation with a JSON success response with that status and a body valid against the 3.1 schema', () => {
    expect(answers.length).toBeGreaterThan(130);
    const validate = validator(specAjv());
    const problems: string[] = [];
    for (const { call, status, contentType, text } of answers) {
      if (String(status) !== call.success) {
        problems.push(`${call.key}: ${status} (documented success ${call.success}) ${text.slice(0, 300)}`);
        continue;
      }
      if (!/^application\/json\b/.test(contentType)) problems.push(`${call.key}: content type ${contentType}`);
      const body = JSON.parse(text);
      const errors = validate(call.successSchema, body);
      if (errors) problems.push(`${call.key}: ${errors} in ${text.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  });

  it('invents no property that the schema does not declare', () => {
    const matches = matcher(specAjv());
    const problems = answers
      .filter((a) => String(a.status) === a.call.success)
      .flatMap(({ call, text }) => undeclaredProperties(call.successSchema, JSON.parse(text), matches).map((p) => `${call.key}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('gives every id and *_id a value of at least 1', () => {
    const problems = answers.flatMap(({ call, text }) => idsBelowOne(JSON.parse(text)).map((p) => `${call.key}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('answers byte for byte the same from another Prism process with the same seed', () => {
    expect(again.length).toBe(answers.length);
    const differing = again.filter((a, i) => a.status !== answers[i]!.status || a.text !== answers[i]!.text).map((a) => a.call.key);
    expect(differing).toEqual([]);
  });

  it('answers differently with another seed (the seed is used, and the bodies are not the static examples)', () => {
    const byKey = new Map(answers.map((a) => [a.call.key, a.text]));
    const changed = otherSeed.filter((a) => a.text !== byKey.get(a.call.key));
    expect(otherSeed.length).toBeGreaterThan(20);
    expect(changed.length).toBeGreaterThan(otherSeed.length / 2);
    // An answer whose schema admits one value only (Monica's `["true"]`) is its example whatever the seed.
    const examples = answers.filter(
      (a) => !singleValued(a.call.successSchema) && Object.values(a.call.successExamples).some((example) => JSON.stringify(example) === a.text),
    );
    expect(examples.map((a) => a.call.key)).toEqual([]);
  });

  it('gives timestamps the API format and years from 2015 to 2025', () => {
    const stamps = answers.flatMap((a) => a.text.match(/"(?:created_at|updated_at)":"[^"]*"/g) ?? []);
    expect(stamps.length).toBeGreaterThan(100);
    expect(stamps.filter((s) => !/":"20(1[5-9]|2[0-5])-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/.test(s))).toEqual([]);
  });
});

describe('the checks of the dynamic mode test', () => {
  const ajv = specAjv();
  const matches = matcher(ajv);
  const noteSchema = { $ref: '#/components/schemas/NoteData' };
  const note = structuredClone(spec.components.examples.Note.value);

  it('start from a valid note, which they accept', () => {
    expect(note).toBeTruthy();
    expect(validator(ajv)(noteSchema, note)).toBeUndefined();
    expect(undeclaredProperties(noteSchema, note, matches)).toEqual([]);
    expect(idsBelowOne(note)).toEqual([]);
  });

  it('find a property the schema does not declare, even where additionalProperties would allow it', () => {
    const extra = structuredClone(note);
    extra.data.contact.information.mood = 'happy';
    expect(undeclaredProperties(noteSchema, extra, matches)).toEqual(['$.data.contact.information.mood is not declared by the schema']);
    const open = { type: 'object', properties: { a: { type: 'integer' } } };
    expect(undeclaredProperties(open, { a: 1, b: 2 }, matches)).toEqual(['$.b is not declared by the schema']);
  });

  it('find ids below 1, as numbers or numeric strings', () => {
    expect(idsBelowOne({ id: 0, contact: { id: '-3', account_id: 2 }, items: [{ gift_id: -1 }], hash_id: 'h:0' })).toEqual([
      '$.id = 0',
      '$.contact.id = "-3"',
      '$.items[0].gift_id = -1',
    ]);
  });
});

describe('the response schemas the dynamic mode generates from', () => {
  it('close every object (additionalProperties) and give every id and *_id a minimum of 1', () => {
    expect(openObjectsAndLooseIds()).toEqual([]);
  });
});
