// Monica 4.x's validation rules (Laravel's, as the inventory writes them: `nullable|integer|exists:genders,id`,
// `required|date|date_format:Y-m-d`, `string|max:1000000|nullable`, with notes in parentheses such as
// `(+ contact must belong to account, else 404)`) read as the kinds of values they take and refuse, and for each
// kind the values that show it: what a request field must accept and refuse to take what 4.x takes.
import { dateTimeForms, LENIENT_DAY } from '../../conformance/contract.js';
import { MISSING_ID } from '../../conformance/fixtures/index.js';

export type RuleKind =
  | 'integer'
  | 'boolean'
  | 'date'
  | 'date_format'
  | 'nullable'
  | 'max'
  | 'in'
  | 'exists'
  | 'string'
  | 'numeric'
  | 'array';

export interface ParsedRule {
  kinds: Set<RuleKind>;
  required: boolean;
  /** Whether the rule's requiredness depends on other fields (`required_if`, `required if ...`, "conditional"). */
  conditional: boolean;
  /** `max:N` on text. */
  max?: number;
  /** `in:a,b`. */
  allowed?: string[];
  /** Whether 4.x answers 404 for an unknown id (`(+ must belong to account, else 404)`), not 422 (`exists:`). */
  unknownIdIs404: boolean;
}

/**
 * What a rule says, or undefined for a field 4.x ignores or only takes as a file. Laravel's `string:255` takes
 * no parameter (it sets no length), so only `max:N` limits text. Requiredness itself is not a value the field
 * takes and is left to the negative checks; a `required_if` is not representable as a value either, so a
 * conditional field is tried only with values that hold whatever the other fields say. `required` is the
 * inventory's own word on it, where 4.x's code goes beyond the rule: `"effectively (...)"` when a service behind
 * the controller requires the field (so null is refused there), `"conditional"` when other fields decide.
 */
export function parseRule(rule: string | null, required: unknown = null): ParsedRule | undefined {
  if (!rule || rule.startsWith('(ignored')) return undefined;
  const conditional = required === 'conditional' || /required_if|required_without|required if|conditional/.test(rule);
  const notes = [...rule.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!).join(' ');
  // Notes in parentheses speak of the field's items or of the controller; conditions are not rules of their own.
  const bare = rule.replace(/\([^)]*\)/g, ' ').replace(/required_(if|without):[^|]*/g, ' ').replace(/,?\s*required if .*/, ' ');
  const tokens = bare.split(/[|;\s]+/).map((t) => t.trim()).filter(Boolean);
  if (tokens.some((t) => t === 'file' || t === 'image')) return undefined;
  const kinds = new Set<RuleKind>();
  const effectivelyRequired = required === true || (typeof required === 'string' && required.startsWith('effectively'));
  const parsed: ParsedRule = { kinds, required: effectivelyRequired, conditional, unknownIdIs404: /else 404/.test(notes) };
  for (const token of tokens) {
    const [name, parameter] = token.split(/:(.*)/) as [string, string | undefined];
    if (name === 'required') parsed.required = true;
    else if (name === 'nullable') kinds.add('nullable');
    else if (name === 'integer' || name === 'boolean' || name === 'numeric' || name === 'array' || name === 'date') kinds.add(name);
    else if (name === 'string') kinds.add('string');
    else if (name === 'date_format' && parameter === 'Y-m-d') kinds.add('date_format');
    else if (name === 'max' && parameter) parsed.max = Number(parameter);
    else if (name === 'in' && parameter) parsed.allowed = parameter.split(',');
    else if (name === 'exists') kinds.add('exists');
  }
  // A field that must name an object of the account (`else 404`, "each id must be a contact of the account").
  if (/belong to account|of the account|must exist|existing/.test(notes)) kinds.add('exists');
  // `date_format` is the stricter of the two: a date-time passes `date` but not `Y-m-d`.
  if (kinds.has('date_format')) kinds.delete('date');
  if (parsed.required) kinds.delete('nullable');
  if (parsed.allowed) kinds.add('in');
  // `max` limits the length of text, the size of a number or an array: only text is tried here.
  if (parsed.max !== undefined && !['integer', 'numeric', 'array', 'boolean'].some((k) => kinds.has(k as RuleKind))) kinds.add('max');
  return kinds.size > 0 ? parsed : undefined;
}

/** What a value is expected to do: be taken, be refused as invalid (422), or be an id that names nothing. */
export type Expectation = 'taken' | 'refused' | 'unknown id';

export interface ValueCase {
  kind: RuleKind;
  expect: Expectation;
  /** The value, given the field's valid value and an id of the account it may name. */
  value: (context: { valid: unknown; id: number | undefined }) => unknown;
  /** Whether the case applies to a body whose field holds this valid value (all do, unless said). */
  appliesTo?: (valid: unknown) => boolean;
  /** How the value reads in a test name or a failure. */
  label: string;
}

let serial = 0;
/** Text of exactly `length` letters that no other case sends (the server may want a name unique). */
export function text(length: number): string {
  serial += 1;
  const head = `t${serial.toString(36)}`.replace(/[0-9]/g, (d) => String.fromCharCode(97 + Number(d)));
  return (head + 'x'.repeat(Math.max(0, length - head.length))).slice(0, length);
}

const constant = (kind: RuleKind, expect: Expectation, value: unknown): ValueCase => ({
  kind,
  expect,
  value: () => value,
  label: JSON.stringify(value),
});

/**
 * The values each kind of the rule takes and refuses. A `required_if` is not a value a field takes, so it is not
 * tried, and the values tried hold whatever the valid body's booleans say: in an operation with such a field
 * (`conditionalOperation`: a known birthdate needs its day and month) a boolean keeps its valid value's truth,
 * written in each form, as the other truth may call for fields the valid body leaves out; and a conditional field
 * is sent null only where the valid body has no value for it, as the booleans may call for the one it has.
 */
export function valueCases(rule: ParsedRule, conditionalOperation: boolean): ValueCase[] {
  const cases: ValueCase[] = [];
  const { kinds } = rule;
  if (kinds.has('integer') && kinds.has('exists')) {
    cases.push({ kind: 'integer', expect: 'taken', value: ({ id }) => id, label: 'an id of the account' });
    cases.push({ kind: 'integer', expect: 'taken', value: ({ id }) => String(id), label: 'an id of the account as a numeric string' });
  } else if (kinds.has('integer')) {
    cases.push(constant('integer', 'taken', 12), constant('integer', 'taken', '12'));
  }
  if (kinds.has('integer')) cases.push(constant('integer', 'refused', '12a'), constant('integer', 'refused', 1.5));
  if (kinds.has('numeric')) {
    for (const value of [12, '12', 12.5, '12.5']) cases.push(constant('numeric', 'taken', value));
    cases.push(constant('numeric', 'refused', '12a'));
  }
  if (kinds.has('boolean')) {
    const forms = (truth: boolean) => (truth ? [true, 1, '1'] : [false, 0, '0']);
    if (conditionalOperation) {
      for (const i of [0, 1, 2]) {
        cases.push({ kind: 'boolean', expect: 'taken', value: ({ valid }) => forms(Boolean(valid))[i], label: `the valid truth as ${['a boolean', 'a number', 'a numeric string'][i]}` });
      }
    } else {
      for (const value of [...forms(true), ...forms(false)]) cases.push(constant('boolean', 'taken', value));
    }
    cases.push(constant('boolean', 'refused', 'yes'), constant('boolean', 'refused', 2));
  }
  if (kinds.has('date')) {
    for (const value of [LENIENT_DAY, ...dateTimeForms(LENIENT_DAY)]) cases.push(constant('date', 'taken', value));
    cases.push(constant('date', 'refused', '2024-02-30'), constant('date', 'refused', 'nope'));
  }
  if (kinds.has('date_format')) {
    cases.push(constant('date_format', 'taken', LENIENT_DAY));
    for (const value of [dateTimeForms(LENIENT_DAY)[0], '2024-02-30', 'nope']) cases.push(constant('date_format', 'refused', value));
  }
  if (kinds.has('nullable')) {
    const absent = (valid: unknown) => valid === null || valid === undefined;
    cases.push({ ...constant('nullable', 'taken', null), ...(rule.conditional ? { appliesTo: absent } : {}) });
  }
  if (kinds.has('max')) {
    const max = rule.max!;
    cases.push({ kind: 'max', expect: 'taken', value: () => text(max), label: `${max} characters` });
    cases.push({ kind: 'max', expect: 'refused', value: () => text(max + 1), label: `${max + 1} characters` });
  }
  if (kinds.has('in')) {
    for (const value of rule.allowed!) cases.push(constant('in', 'taken', value));
    cases.push(constant('in', 'refused', 'not-one-of-them'));
  }
  if (kinds.has('exists')) {
    if (kinds.has('array')) {
      cases.push({ kind: 'exists', expect: 'taken', value: ({ id }) => [id], label: '[an id of the account]' });
      cases.push({ kind: 'exists', expect: 'unknown id', value: () => [MISSING_ID], label: `[${MISSING_ID}]` });
    } else {
      cases.push({ kind: 'exists', expect: 'unknown id', value: () => MISSING_ID, label: String(MISSING_ID) });
    }
  }
  // Text in general, unless the rule lists the texts it takes.
  if (kinds.has('string') && !kinds.has('in')) {
    const length = Math.min(rule.max ?? 12, 12);
    cases.push({ kind: 'string', expect: 'taken', value: () => text(length), label: `text of ${length} letters` });
    cases.push(constant('string', 'refused', 12));
  }
  if (kinds.has('array')) {
    if (!kinds.has('exists')) cases.push({ kind: 'array', expect: 'taken', value: ({ valid }) => (Array.isArray(valid) ? valid : []), label: 'the valid list' });
    cases.push(constant('array', 'refused', 'not-a-list'));
  }
  return cases;
}
