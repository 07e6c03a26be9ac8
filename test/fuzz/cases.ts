// One generated request for an operation: valid inputs derived from its schemas, then (most of the time)
// broken in one way. A case is plain data, so fast-check can print and shrink it and a run can replay it.
import fc from 'fast-check';
import { anyJsonArbitrary, BAD_IDS, HUGE_ASCII, NASTY_QUERY_TEXTS, nastyNumberArbitrary, RAW_NUMBER_LITERALS, textArbitrary } from './nasty.js';
import { isFreeText } from './roundTrip.js';
import { operation, contract } from '../../conformance/contract.js';
import { samplePng } from '../../conformance/fixtures/index.js';
import { fixtureMarker, pathMarkers, referenceSlots, UNIQUE_TOKEN_LENGTH, uniqueMarker } from './fixtures.js';
import { flatten, jsonType, typesOf, valueFor } from './schemaArbitrary.js';
import type { FuzzOperation, Schema } from './spec.js';

export type Auth = 'demo' | 'other' | 'none' | { header: string };

export type FormValue = string | { file: 'png' | 'pdf' | 'text' | 'empty'; filename: string };

export type Body =
  /**
   * JSON text of `value`; `rawNumber` writes a number literal JSON.stringify cannot make into field `field`, `nested`
   * writes `depth` nested arrays or objects into it. Both are written into the text when it is sent, so that a case
   * stays shallow data: fast-check prints it, and the fixture walk reads it, without recursing thousands deep.
   */
  | {
      kind: 'json';
      value: unknown;
      contentType?: string;
      rawNumber?: { field: string; literal: string };
      nested?: { field: string; kind: 'array' | 'object'; depth: number };
    }
  | { kind: 'text'; text: string; contentType?: string }
  /** Bytes given as hex (invalid UTF-8 and the like). */
  | { kind: 'bytes'; hex: string; contentType: string }
  | { kind: 'form'; fields: [string, FormValue][]; encoding?: 'multipart' | 'urlencoded' };

export interface FuzzCase {
  /** What was broken, `valid` when nothing was. */
  broken: string;
  auth: Auth;
  path: Record<string, string>;
  query: [string, string][];
  body?: Body;
}

const isUpload = (op: FuzzOperation) => op.body?.contentType === 'multipart/form-data';
const isJsonWrite = (op: FuzzOperation) => op.body !== undefined && !isUpload(op);

/**
 * Fields that name objects of the account get the registry's fixtures (see fixtures.ts), fields that name shared
 * reference data (emotions) the documented example's value, day fields (spec.ts) real days; everything else comes
 * from the schema.
 */
function linkedProperty(op: FuzzOperation) {
  const slots = new Map(referenceSlots(operation(op.operationId)).map((slot) => [slot.field, slot]));
  const example = contract.requestBody(op.operationId)?.example as Record<string, unknown> | undefined;
  return (name: string, schema: Schema): fc.Arbitrary<unknown> | undefined => {
    // A day field's pattern takes 31 September; its description ("a day") does not.
    if (op.body?.dayFields.includes(name)) return valueFor(schema).filter((v) => typeof v !== 'string' || isRealDay(v));
    if (UNIQUE_IN_ACCOUNT.has(name)) {
      const maxLength = Math.max(0, ((schema.maxLength as number | undefined) ?? 200_000) - UNIQUE_TOKEN_LENGTH);
      return valueFor({ ...schema, maxLength }).map((v) => (typeof v === 'string' ? uniqueMarker(v) : v));
    }
    const slot = slots.get(name);
    if (!slot) return name in op.bodyReferences && example?.[name] !== undefined ? fc.constant(example[name]) : undefined;
    const marker = fc.constantFrom(fixtureMarker(slot.resource, slot.nth), fixtureMarker(slot.resource, slot.nth, true));
    return typesOf(schema).includes('array') ? marker.map((m) => [m]) : marker;
  };
}

/**
 * A valid path: each id a marker the registry resolves (see fixtures.ts); a parameter that names no object (no
 * `x-references`, like the month of /reminders/upcoming/{month}) a value of its schema or its documented example,
 * percent-encoded as the URL carries it (as the breakers' BAD_IDS are).
 */
function pathArbitrary(op: FuzzOperation): fc.Arbitrary<Record<string, string>> {
  const markers = pathMarkers(operation(op.operationId));
  const model = Object.fromEntries(
    op.pathParams.map((p) => {
      if (markers[p.name] !== undefined) return [p.name, fc.constant(markers[p.name]!)];
      const drawn = valueFor(p.schema, { short: true });
      // Path values are held as they go into the URL (like the breakers' BAD_IDS): percent-encoded.
      return [p.name, (p.example === undefined ? drawn : fc.oneof(fc.constant(p.example), drawn)).map((v) => encodeURIComponent(String(v)))];
    }),
  );
  return fc.record(model);
}

function queryArbitrary(op: FuzzOperation): fc.Arbitrary<[string, string][]> {
  if (op.queryParams.length === 0) return fc.constant([]);
  const model = Object.fromEntries(op.queryParams.map((p) => [p.name, valueFor(p.schema, { short: true }).map(String)]));
  return fc
    .record(model, { requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name) })
    .map((values) => Object.entries(values) as [string, string][]);
}

const PNG_BASE64 = samplePng.toString('base64');

/** A valid multipart form for an upload: the contact and the file (or, for photos, the image as text). */
function validForm(op: FuzzOperation): fc.Arbitrary<Body> {
  const contact = fc.constant(fixtureMarker('contacts', 0, true));
  if (op.operationId === 'createPhoto') {
    return fc.tuple(contact, fc.boolean(), fc.constantFrom('photo.png', 'ph\u00F6to \u{1F600}.png', '<b>.png')).map(([contact_id, asFile, filename]) => ({
      kind: 'form' as const,
      fields: [['contact_id', contact_id], asFile ? ['photo', { file: 'png' as const, filename }] : ['data', `data:image/png;base64,${PNG_BASE64}`]],
    }));
  }
  return fc.tuple(contact, fc.constantFrom('doc.pdf', 'r\u00E9sum\u00E9 \u202Eexe.pdf', "a'; DROP TABLE documents;--.pdf", 'x'.repeat(300))).map(([contact_id, filename]) => ({
    kind: 'form' as const,
    fields: [['contact_id', contact_id], ['document', { file: 'pdf' as const, filename }]],
  }));
}

/** `true`, `1` and `"1"`: what a LenientBoolean calls true. */
const isTrue = (value: unknown) => value === true || value === 1 || value === '1';

/**
 * A date the spec's descriptions state as separate fields: when every `when` field is true, the date is known; it is
 * then an age (`age`, 0 to 150) when `ageBased` is true, else a day and a month (and a year) making a real date. A
 * day, month or age sent otherwise stays in its described range too.
 */
interface DatePartsRule {
  when: string[];
  ageBased?: string;
  age?: string;
  day: string;
  month: string;
  year: string;
}

/**
 * The date rules stated in descriptions, which a schema cannot state: ContactFields' birthdate ("required when the
 * birthdate is known and not age based") and deceased date, and ContactIntroduction's day they met ("required when
 * the date is known and not age based", an age "from 0 to 150", "required when the date is known and age based").
 */
const DATE_PARTS_RULES: DatePartsRule[] = [
  { when: ['is_birthdate_known'], ageBased: 'birthdate_is_age_based', age: 'birthdate_age', day: 'birthdate_day', month: 'birthdate_month', year: 'birthdate_year' },
  { when: ['is_deceased', 'is_deceased_date_known'], day: 'deceased_date_day', month: 'deceased_date_month', year: 'deceased_date_year' },
  { when: ['is_date_known'], ageBased: 'is_age_based', age: 'age', day: 'day', month: 'month', year: 'year' },
];

/**
 * Fields a description wants unique in the account: ContactCreate's email "must not be used by another contact of
 * the account". A valid case marks its text so that each request makes it unique (see `@unique:` in fixtures.ts).
 */
const UNIQUE_IN_ACCOUNT = new Set(['email']);

/** Fields a description makes required when another field has a value: ContactAvatar's photo "required when `source` is `photo`". */
const REQUIRED_WHEN: Array<{ field: string; when: string; is: unknown }> = [{ field: 'photo_id', when: 'source', is: 'photo' }];

const realDay = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

/** Whether a date or date-time text starts with a day that exists (`2023-02-29` does not; a pattern cannot tell). */
export function isRealDay(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A valid body as the descriptions' rules want it (see DATE_PARTS_RULES and REQUIRED_WHEN): a known date gets its
 * parts (drawn as a whole real date, or an age), a field required by another's value gets a value (from `valueOf`,
 * the generator of that field: an object's id is the registry's marker). The server must take it.
 */
function withDescribedRules(op: FuzzOperation, body: fc.Arbitrary<unknown>, valueOf: (name: string) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const properties = (flatten(op.body?.schema).properties ?? {}) as Record<string, Schema>;
  const required = REQUIRED_WHEN.filter((rule) => rule.field in properties && rule.when in properties);
  const dates = fc.tuple(...DATE_PARTS_RULES.map(() => fc.tuple(realDay, fc.integer({ min: 0, max: 150 }))));
  const values = fc.tuple(...required.map((rule) => valueOf(rule.field)));
  return fc.tuple(body, dates, values).map(([value, drawn, requiredValues]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const out = { ...(value as Record<string, unknown>) };
    DATE_PARTS_RULES.forEach((rule, i) => {
      if (!(rule.when[0]! in out)) return;
      const [date, age] = drawn[i]!;
      const parts: Record<string, number> = { [rule.day]: date.getUTCDate(), [rule.month]: date.getUTCMonth() + 1, ...(rule.age ? { [rule.age]: age } : {}) };
      // A part sent where the date does not use it is still in its described range (a day 1 to 31, an age 0 to 150).
      for (const [field, value] of Object.entries(parts)) if (out[field] !== undefined && out[field] !== null) out[field] = value;
      if (!rule.when.every((field) => isTrue(out[field]))) return;
      if (rule.ageBased && rule.age && isTrue(out[rule.ageBased])) out[rule.age] = age;
      else Object.assign(out, { [rule.day]: parts[rule.day], [rule.month]: parts[rule.month], [rule.year]: date.getUTCFullYear() });
    });
    required.forEach((rule, i) => {
      if (out[rule.when] === rule.is && (out[rule.field] === undefined || out[rule.field] === null)) out[rule.field] = requiredValues[i];
    });
    return out;
  });
}

export function validCase(op: FuzzOperation): fc.Arbitrary<FuzzCase> {
  let body: fc.Arbitrary<Body | undefined> = fc.constant(undefined);
  if (isUpload(op)) body = validForm(op);
  else if (op.body) {
    const property = linkedProperty(op);
    const properties = (flatten(op.body.schema).properties ?? {}) as Record<string, Schema>;
    const valueOf = (name: string) => property(name, flatten(properties[name])) ?? valueFor(properties[name] ?? {});
    body = withDescribedRules(op, valueFor(op.body.schema, { property }), valueOf).map((value) => ({ kind: 'json' as const, value }));
  }
  return fc.record({
    broken: fc.constant('valid'),
    auth: fc.constant<Auth>('demo'),
    path: pathArbitrary(op),
    query: queryArbitrary(op),
    body,
  }).map(({ body: b, ...rest }) => (b === undefined ? rest : { ...rest, body: b }));
}

/**
 * Every nasty query text (see NASTY_QUERY_TEXTS) in every query parameter of the operation, one at a time, and all of
 * them at once in a parameter the operation does not know, on an otherwise valid request. In a free-text parameter
 * the text is a valid value (`broken: 'valid'`: it must be taken); elsewhere the answer only has to keep the contract.
 */
export function nastyQueryCases(op: FuzzOperation, seed = 1): Array<FuzzCase & { parameter: string; text: string }> {
  const [base] = fc.sample(validCase(op), { seed, numRuns: 1 });
  const cases = op.queryParams.flatMap((parameter) =>
    NASTY_QUERY_TEXTS.map((text) => ({
      ...base!,
      broken: isFreeText(parameter.schema) ? 'valid' : `query ${parameter.name} nasty`,
      query: [[parameter.name, text]] as [string, string][],
      parameter: parameter.name,
      text,
    })),
  );
  const all = NASTY_QUERY_TEXTS.join('');
  return [...cases, { ...base!, broken: 'query unknown nasty', query: [['unknown', all]], parameter: 'unknown', text: all }];
}

// ---------------------------------------------------------------------------------------------------------
// Breakers: each takes a valid case and returns an arbitrary of broken ones.

type Breaker = (c: FuzzCase, op: FuzzOperation) => fc.Arbitrary<FuzzCase>;

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

const badPathId: Breaker = (c, op) =>
  fc
    .tuple(pick(op.pathParams.map((p) => p.name)), fc.oneof(pick(BAD_IDS), fc.integer({ min: 1, max: 80 }).map(String)))
    .map(([name, id]) => ({ ...c, broken: `path ${name}=${id}`, path: { ...c.path, [name]: id } }));

const badQuery: Breaker = (c, op) => {
  const names = [...op.queryParams.map((p) => p.name), 'unknown', 'limit', 'page', 'sort'];
  const short = textArbitrary({ huge: false });
  const value = fc.oneof(short, nastyNumberArbitrary().map(String), pick(BAD_IDS));
  return fc.oneof(
    fc.tuple(pick(names), value).map(([name, v]) => ({ ...c, broken: `query ${name}`, query: [...c.query.filter(([k]) => k !== name), [name, v]] as [string, string][] })),
    // The same parameter twice (a query parser may make an array of it).
    fc.tuple(pick(names), value, value).map(([name, a, b]) => ({ ...c, broken: `query ${name} twice`, query: [...c.query, [name, a], [name, b]] as [string, string][] })),
    fc.tuple(short, short).map(([k, v]) => ({ ...c, broken: 'query unknown name', query: [...c.query, [k, v]] as [string, string][] })),
  );
};

const badAuth: Breaker = (c) =>
  fc
    .oneof(
      fc.constant<Auth>('none'),
      fc.constant<Auth>('other'),
      pick(['Bearer', 'Bearer ', 'bearer x', 'Basic dXNlcjpwYXNz', 'Bearer \u00e9\u00e8', `Bearer ${HUGE_ASCII.slice(0, 4000)}`, 'Bearer null', "Bearer ' OR 1=1 --"]).map(
        (header): Auth => ({ header }),
      ),
    )
    .map((auth) => ({ ...c, broken: `auth ${typeof auth === 'string' ? auth : auth.header.slice(0, 30)}`, auth }));

/** A top-level property of the body (known to the schema or already present). */
function propertyNames(c: FuzzCase, op: FuzzOperation): string[] {
  const schema = op.body ? flatten(op.body.schema) : {};
  const known = Object.keys((schema.properties as object | undefined) ?? {});
  const present = c.body?.kind === 'json' && c.body.value && typeof c.body.value === 'object' ? Object.keys(c.body.value) : [];
  const names = [...new Set([...known, ...present])];
  return names.length > 0 ? names : ['name'];
}

function objectBody(c: FuzzCase): Record<string, unknown> {
  const value = c.body?.kind === 'json' ? c.body.value : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const withJson = (c: FuzzCase, broken: string, value: unknown, extra: Partial<Extract<Body, { kind: 'json' }>> = {}): FuzzCase => ({
  ...c,
  broken,
  body: { kind: 'json', value, ...extra },
});

const dropRequired: Breaker = (c, op) => {
  const required = (flatten(op.body!.schema).required as string[] | undefined) ?? [];
  if (required.length === 0) return fc.constant(withJson(c, 'body {}', {}));
  return pick(required).map((name) => {
    const { [name]: _dropped, ...rest } = objectBody(c);
    return withJson(c, `body without ${name}`, rest);
  });
};

const flipType: Breaker = (c, op) =>
  fc
    .tuple(pick(propertyNames(c, op)), anyJsonArbitrary())
    .filter(([name, v]) => jsonType(v) !== jsonType(objectBody(c)[name]))
    .map(([name, v]) => withJson(c, `body ${name} as ${jsonType(v)}`, { ...objectBody(c), [name]: v }));

const nastyValue: Breaker = (c, op) =>
  fc
    .tuple(pick(propertyNames(c, op)), fc.oneof(textArbitrary(), nastyNumberArbitrary(), pick(BAD_IDS.map((id) => decodeURIComponent(id)))))
    .map(([name, v]) => withJson(c, `body ${name} nasty`, { ...objectBody(c), [name]: v }));

const unknownFields: Breaker = (c) =>
  fc
    .record({
      id: fc.constant(987654),
      account_id: fc.constant(2),
      object: fc.constant('contact'),
      created_at: textArbitrary(),
      constructor: fc.constant({ prototype: { polluted: true } }),
      extra: anyJsonArbitrary(),
    }, { requiredKeys: [] })
    .chain((extra) => textArbitrary().map((key) => ({ ...objectBody(c), ...extra, [key]: 'unknown' })))
    .map((value) => withJson(c, 'body unknown fields', value));

const prototypeKey: Breaker = (c) =>
  pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']).map((key) => ({
    ...c,
    broken: `body key ${key}`,
    body: { kind: 'text' as const, text: JSON.stringify(objectBody(c)).replace(/^\{/, `{"${key}":{"polluted":true,"first_name":1},`).replace(/,\}$/, '}'), contentType: 'application/json' },
  }));

const wholeBody: Breaker = (c) =>
  fc
    .oneof(fc.constant<unknown>([]), fc.constant<unknown>([objectBody(c)]), fc.constant<unknown>(null), fc.constant<unknown>('a string'), fc.constant<unknown>(42), fc.constant<unknown>(true), fc.constant<unknown>({}))
    .map((value) => withJson(c, `body is ${jsonType(value)}`, value));

const deepNesting: Breaker = (c, op) =>
  fc.oneof(
    fc.tuple(pick(propertyNames(c, op)), pick(['array', 'object'] as const), fc.integer({ min: 20, max: 3000 })).map(([name, kind, depth]) =>
      withJson(c, `body ${name} nested ${depth}`, { ...objectBody(c), [name]: 0 }, { nested: { field: name, kind, depth } }),
    ),
    // Deeper than any recursive walk should go, written out as text.
    fc.integer({ min: 10_000, max: 100_000 }).map((depth) => ({
      ...c,
      broken: `body nested ${depth} deep`,
      body: { kind: 'text' as const, text: `${'['.repeat(depth)}${']'.repeat(depth)}`, contentType: 'application/json' },
    })),
  );

const rawNumber: Breaker = (c, op) =>
  fc.tuple(pick(propertyNames(c, op)), pick(RAW_NUMBER_LITERALS)).map(([field, literal]) =>
    withJson(c, `body ${field}=${literal}`, { ...objectBody(c), [field]: 0 }, { rawNumber: { field, literal } }),
  );

const wrongContentType: Breaker = (c) => {
  const value = objectBody(c);
  const asFields = Object.entries(value).map(([k, v]): [string, FormValue] => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
  return fc.oneof(
    pick(['text/plain', 'application/xml', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'image/png', '']).map((contentType) =>
      withJson(c, `content type "${contentType}"`, value, { contentType }),
    ),
    fc.constant<FuzzCase>({ ...c, broken: 'form urlencoded', body: { kind: 'form', fields: asFields, encoding: 'urlencoded' } }),
    fc.constant<FuzzCase>({ ...c, broken: 'multipart', body: { kind: 'form', fields: asFields, encoding: 'multipart' } }),
  );
};

const NOT_JSON = ['', '{', '{"a":', "{'a': 1}", '{"a": 1,}', 'undefined', 'NaN', '<xml/>', '\uFEFF{}', '{"a":"\\ud800"}', '{"a": 01}', '"\u0000"', '[1,2', '}{'];
const nonJson: Breaker = (c) =>
  fc.oneof(
    fc.oneof(pick(NOT_JSON), textArbitrary()).map((text) => ({ ...c, broken: `body text ${JSON.stringify(text.slice(0, 20))}`, body: { kind: 'text' as const, text, contentType: 'application/json' } })),
    pick(['ff', 'c328', 'e28228', '7b2261223a22ff227d', 'f0908080', 'c0af']).map((hex) => ({ ...c, broken: `body bytes ${hex}`, body: { kind: 'bytes' as const, hex, contentType: 'application/json' } })),
  );

// Uploads.
const badUpload: Breaker = (c, op) => {
  const fileField = op.operationId === 'createPhoto' ? 'photo' : 'document';
  const form = (fields: [string, FormValue][], broken: string): FuzzCase => ({ ...c, broken, body: { kind: 'form', fields } });
  const contact = (c.body?.kind === 'form' && (c.body.fields.find(([k]) => k === 'contact_id')?.[1] as string)) || fixtureMarker('contacts', 0, true);
  return fc.oneof(
    fc.constant(form([['contact_id', contact]], 'upload without file')),
    fc.constant(form([[fileField, { file: 'png', filename: 'a.png' }]], 'upload without contact')),
    pick(['text', 'empty'] as const).map((file) => form([['contact_id', contact], [fileField, { file, filename: 'a.txt' }]], `upload ${file} file`)),
    fc.oneof(pick(BAD_IDS.map(decodeURIComponent)), textArbitrary()).map((id) => form([['contact_id', id], [fileField, { file: 'png', filename: 'a.png' }]], 'upload contact nasty')),
    fc.constant(form([['contact_id', contact], [fileField, { file: 'png', filename: 'a.png' }], [fileField, { file: 'png', filename: 'b.png' }]], 'upload two files')),
    fc.constant(form([['contact_id', contact], ['other', { file: 'png', filename: 'a.png' }]], 'upload file in unknown field')),
    textArbitrary().map((data) => form([['contact_id', contact], ['data', data]], 'upload data nasty')),
    textArbitrary().map((filename) => form([['contact_id', contact], [fileField, { file: 'png', filename }]], 'upload filename nasty')),
    fc.constant<FuzzCase>({ ...c, broken: 'upload as json', body: { kind: 'json', value: { contact_id: 1, [fileField]: PNG_BASE64 } } }),
    pick(['multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain']).map((contentType) => ({
      ...c,
      broken: `upload raw ${contentType}`,
      body: { kind: 'text' as const, text: '--x\r\nContent-Disposition: form-data; name="contact_id"\r\n\r\n1\r\n--x', contentType },
    })),
  );
};

/** A body where the operation takes none (POST/PUT read JSON whatever they are; DELETE ignores it). */
const unexpectedBody: Breaker = (c) =>
  fc.oneof(anyJsonArbitrary().map((value) => withJson(c, 'unexpected body', value)), nonJson(c, undefined as never));

export function caseArbitrary(op: FuzzOperation): fc.Arbitrary<FuzzCase> {
  const breakers: Breaker[] = [badQuery, badAuth];
  if (op.pathParams.length > 0) breakers.push(badPathId);
  if (isJsonWrite(op)) breakers.push(dropRequired, flipType, nastyValue, unknownFields, prototypeKey, wholeBody, deepNesting, rawNumber, wrongContentType, nonJson);
  if (isUpload(op)) breakers.push(badUpload, badUpload, badUpload);
  if (!op.body && (op.method === 'post' || op.method === 'put' || op.method === 'delete')) breakers.push(unexpectedBody);
  const valid = validCase(op);
  return fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: fc.tuple(valid, fc.integer({ min: 0, max: breakers.length - 1 })).chain(([c, i]) => breakers[i]!(c, op)), weight: 3 },
  );
}
