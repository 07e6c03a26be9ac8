// Valid values from a JSON Schema (the subset the contract's requests use): a small derivation of fast-check
// arbitraries. Free text is drawn from the nasty samples too, cut or padded to the schema's lengths, so a
// "valid" body already carries unicode, control characters, metacharacters and 100 kB strings where allowed.
import fc from 'fast-check';
import { textArbitrary } from './nasty.js';
import type { Schema } from './spec.js';

export interface DeriveOptions {
  /** Leave out 100 kB texts (query parameters: a URL has its own length limit). */
  short?: boolean;
  /** A replacement for a property's values (ids of fixtures), by property name; undefined keeps the schema's. */
  property?: (name: string, schema: Schema) => fc.Arbitrary<unknown> | undefined;
}

const MAX_DEPTH = 6;

/** Merges `allOf` members into one schema (enough for the contract's requests; their `$ref`s are inlined already). */
export function flatten(schema: Schema | undefined): Schema {
  const s = schema ?? {};
  if (!Array.isArray(s.allOf)) return s;
  const { allOf, ...rest } = s;
  return (allOf as Schema[]).map(flatten).reduce(mergeSchemas, rest);
}

export function mergeSchemas(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: { ...((a.properties as object) ?? {}), ...((b.properties as object) ?? {}) },
    required: [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])],
  };
}

export function typesOf(schema: Schema): string[] {
  if (schema.type === undefined) {
    if (schema.properties) return ['object'];
    if (schema.items) return ['array'];
    if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map(jsonType))];
    return ['string'];
  }
  return ([] as string[]).concat(schema.type as string | string[]);
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Cuts to at most `max` code points (never splitting a surrogate pair) and pads to `min`. */
function fitLength(text: string, min: number, max: number): string {
  let points = Array.from(text);
  if (points.length > max) points = points.slice(0, max);
  while (points.length < min) points.push('x');
  return points.join('');
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const dateArbitrary = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

function stringFor(schema: Schema, options: DeriveOptions): fc.Arbitrary<string> {
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = (schema.maxLength as number | undefined) ?? 200_000;
  const pattern = schema.pattern as string | undefined;
  switch (schema.format) {
    case 'date':
      return dateArbitrary.map(isoDate);
    case 'date-time':
      return dateArbitrary.map((d) => `${d.toISOString().slice(0, 19)}Z`);
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'binary':
      return fc.constant('(file)');
  }
  if (pattern === '^[1-9][0-9]*$') return fc.integer({ min: 1, max: 60 }).map(String);
  if (pattern === '^-?[0-9]+$') return fc.integer({ min: -5, max: 3000 }).map(String);
  if (pattern && /^\^\[\+-\]\?/.test(pattern)) {
    // A decimal number written as text.
    return fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map((n) => n.toFixed(2)));
  }
  if (pattern && pattern !== '\\S') return fc.stringMatching(new RegExp(pattern)).map((s) => fitLength(s, min, max));
  return textArbitrary({ huge: !options.short }).map((text) => {
    let s = fitLength(text, min, max);
    // `\S`: at least one character that is not a space.
    if (pattern === '\\S' && !/\S/.test(s)) s = fitLength(`x${s}`, Math.max(min, 1), max);
    return s;
  });
}

function integerFor(schema: Schema): fc.Arbitrary<number> {
  const min = (schema.minimum as number | undefined) ?? -5;
  const max = (schema.maximum as number | undefined) ?? 100_000;
  // Small values most of the time: they are the ones that name real rows.
  return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, min + 60) }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 });
}

function objectFor(schema: Schema, options: DeriveOptions, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    model[name] = options.property?.(name, flatten(sub)) ?? valueFor(sub, options, depth + 1);
  }
  return fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
}

/** An arbitrary of values the schema accepts (as far as its keywords go; cross-field rules are the server's). */
export function valueFor(input: Schema, options: DeriveOptions = {}, depth = 0): fc.Arbitrary<unknown> {
  const schema = flatten(input);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    const { anyOf: _a, oneOf: _o, ...rest } = schema;
    return fc.oneof(...branches.map((branch) => valueFor(mergeSchemas(rest, flatten(branch)), options, depth)));
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = typesOf(schema).filter((t) => depth < MAX_DEPTH || (t !== 'object' && t !== 'array'));
  const arbitraries = types.map((type): fc.WeightedArbitrary<unknown> => {
    switch (type) {
      case 'null':
        return { arbitrary: fc.constant(null), weight: 1 };
      case 'boolean':
        return { arbitrary: fc.boolean(), weight: 3 };
      case 'integer':
        return { arbitrary: integerFor(schema), weight: 3 };
      case 'number':
        return {
          arbitrary: fc.oneof(integerFor(schema), fc.double({ min: (schema.minimum as number) ?? 0, max: (schema.maximum as number) ?? 1e6, noNaN: true })),
          weight: 3,
        };
      case 'array': {
        const items = (schema.items as Schema | undefined) ?? {};
        const minLength = (schema.minItems as number | undefined) ?? 0;
        const maxLength = Math.max(minLength, Math.min((schema.maxItems as number | undefined) ?? 3, 3));
        return { arbitrary: fc.array(valueFor(items, options, depth + 1), { minLength, maxLength }), weight: 3 };
      }
      case 'object':
        return { arbitrary: objectFor(schema, options, depth), weight: 3 };
      default:
        return { arbitrary: stringFor(schema, options), weight: 3 };
    }
  });
  return fc.oneof(...arbitraries);
}
