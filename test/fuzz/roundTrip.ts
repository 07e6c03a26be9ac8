// Text sent in a successful write must come back byte for byte: in the write's answer and when the resource is
// read again with its GET. Only free-text fields are compared (no enum, format or pattern other than "not only
// spaces", and not fields the spec says are ignored); a field the answer does not show under its name (or its
// documented alias) is counted as not comparable.
//
// Two changes are allowed, the ones Laravel makes to every input of Monica and the reference server copies:
// surrounding whitespace is trimmed (whitespace as the contract's `\S` pattern defines it), and text left empty
// is stored as null (or dropped, for a label). Anything else (a lost character, a changed normalisation, a
// cut) is a failure.
//
// A field of the contract's day schema (LenientDate, see spec.ts) is not text: the server keeps only its day and
// answers it as that day (a timestamp at midnight UTC, or `YYYY-MM-DD`, as the response schema says). Its round
// trip compares days: the date part as it was written in the request, whatever time or zone followed it, with the
// date part of the answer; a null sent comes back null.
import { flatten, mergeSchemas, typesOf } from './schemaArbitrary.js';
import { fuzzOperations, type FuzzOperation, type Schema } from './spec.js';

export interface SentText {
  field: string;
  value: string;
  /** Where the answer shows the field (`data` of a contact field is its `content`). */
  shownAs: string;
  /** One item of an array (a blank one may be dropped). */
  inArray: boolean;
}

/** Fields the answers show under another name. */
const ALIASES: Record<string, Record<string, string>> = {
  createContactField: { data: 'content' },
  updateContactField: { data: 'content' },
};

/** Fields that look like free text in the request schema but are codes: the answer shows the object they name. */
const CODES = new Set(['country']);

/** Trims what `\s` matches: the contract's whitespace (String.prototype.trim also strips U+0085). */
export const trimSpaces = (text: string): string => text.replace(/^\s+|\s+$/g, '');

/** The free-text values of a JSON body, top level and arrays of text (tag names, labels). */
export function sentTexts(op: FuzzOperation, body: unknown): SentText[] {
  if (!op.body || !body || typeof body !== 'object' || Array.isArray(body)) return [];
  const properties = (flatten(op.body.schema).properties as Record<string, Schema> | undefined) ?? {};
  const texts: SentText[] = [];
  for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
    const schema = properties[field] && flatten(properties[field]);
    if (!schema || CODES.has(field) || op.body.dayFields.includes(field)) continue;
    if (/\bignore[sd]? it\b|^Ignored/im.test(String(schema.description ?? ''))) continue;
    const item = typesOf(schema).includes('array') ? flatten((schema.items as Schema) ?? {}) : schema;
    if (!isFreeText(item)) continue;
    const inArray = Array.isArray(value);
    for (const v of inArray ? value : [value]) if (typeof v === 'string') texts.push({ field, value: v, shownAs: ALIASES[op.operationId]?.[field] ?? field, inArray });
  }
  return texts;
}

/**
 * Text a client may choose freely: a string without an enum, a format or a pattern beyond "not only spaces"; under
 * `anyOf`/`oneOf`, when one of the branches is such text (a union of dates and patterns is not).
 */
export function isFreeText(s: Schema): boolean {
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    return branches.some((branch) => isFreeText(mergeSchemas(rest, flatten(branch))));
  }
  return typesOf(s).includes('string') && !s.enum && !s.format && !('const' in s) && (s.pattern === undefined || s.pattern === '\\S');
}

export interface SentDay {
  field: string;
  /** The value as sent. */
  value: string | null;
  /** Its day as written (`2024-02-03` of `2024-02-03 23:30-05:00`); null for a null sent. */
  day: string | null;
}

/** The day written at the start of a date or date-time text, as written (no time zone applied). */
export const dayWritten = (text: string): string | undefined => /^(\d{4}-\d{2}-\d{2})(?![0-9])/.exec(text)?.[1];

/** The values of the body's day fields (see spec.ts), each with the day it names. */
export function sentDays(op: FuzzOperation, body: unknown): SentDay[] {
  if (!op.body || !body || typeof body !== 'object' || Array.isArray(body)) return [];
  const days: SentDay[] = [];
  for (const field of op.body.dayFields) {
    const value = (body as Record<string, unknown>)[field];
    if (value === null) days.push({ field, value, day: null });
    else if (typeof value === 'string' && dayWritten(value) !== undefined) days.push({ field, value, day: dayWritten(value)! });
  }
  return days;
}

/** What is wrong with the days of `answer` (a write's answer or a read-back) for the days sent. */
export function dayProblems(days: SentDay[], answer: unknown, where: string, uncompared: Set<string>): string[] {
  const problems: string[] = [];
  for (const sent of days) {
    const candidates = valuesNamed(answer, sent.field);
    if (candidates.length === 0) {
      uncompared.add(sent.field);
      continue;
    }
    const dayOf = (c: unknown) => (typeof c === 'string' ? dayWritten(c) : c === null ? null : undefined);
    if (candidates.some((c) => dayOf(c) === sent.day)) continue;
    const got = candidates.find((c) => typeof c === 'string' || c === null);
    problems.push(`${where}: ${sent.field} was sent as ${show(sent.value)} (the day ${sent.day ?? 'null'}) and came back as ${show(got)}`);
  }
  return problems;
}

/** Every value held under a property of this name, anywhere in the body. */
function valuesNamed(node: unknown, name: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => valuesNamed(n, name, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === name) found.push(value);
      valuesNamed(value, name, found);
    }
  }
  return found;
}

/** Array items as their texts too: a tag by its `name`, a contact field label by its `label`. */
const itemTexts = (x: unknown): unknown[] => {
  if (!x || typeof x !== 'object') return [x];
  const item = x as { name?: unknown; label?: unknown };
  return [x, item.name, item.label];
};
const flat = (values: unknown[]) => values.flatMap((v) => (Array.isArray(v) ? v.flatMap(itemTexts) : [v]));

/**
 * What is wrong with the way sent texts came back in `answer` (a write's answer or a read-back);
 * `uncompared` collects the fields the answer does not show under their own name.
 */
export function textProblems(texts: SentText[], answer: unknown, where: string, uncompared: Set<string>): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    const candidates = flat(valuesNamed(answer, text.shownAs));
    if (candidates.length === 0) {
      uncompared.add(text.field);
      continue;
    }
    const trimmed = trimSpaces(text.value);
    if (candidates.includes(text.value) || candidates.includes(trimmed)) continue;
    if (trimmed === '' && (candidates.includes(null) || candidates.includes('') || text.inArray)) continue;
    const got = candidates.find((c) => typeof c === 'string' || c === null);
    problems.push(`${where}: ${text.field} was sent as ${show(text.value)} and came back as ${show(got)}`);
  }
  return problems;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}... (${text.length} characters)` : text;
}

const getByPath = new Map(fuzzOperations.filter((op) => op.method === 'get').map((op) => [op.path, op]));

/**
 * The URL path that reads back what a write changed: `/contacts/{id}` for POST /contacts and PUT
 * /contacts/{id}, `/conversations/{id}` for POST /conversations/{id}/messages; undefined when none fits.
 */
export function readBackPath(op: FuzzOperation, pathValues: Record<string, string>, answer: any): string | undefined {
  const id = answer?.data?.id;
  const segments = op.path.split('/');
  // A create: the collection's item path with the new id.
  if (!op.path.includes('{') && getByPath.has(`${op.path}/{id}`) && typeof id === 'number') return `${op.path}/${id}`;
  // A write under an item: the item itself, when the answer is that item.
  for (let n = segments.length; n >= 3; n -= 1) {
    const prefix = segments.slice(0, n).join('/');
    if (!prefix.endsWith('{id}') || !getByPath.has(prefix)) continue;
    if (String(pathValues.id) !== String(id)) return undefined;
    return prefix.replace('{id}', String(id));
  }
  return undefined;
}
