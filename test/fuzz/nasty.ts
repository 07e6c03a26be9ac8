// Values that have broken servers before: odd text, odd numbers, odd ids. Each arbitrary mixes these
// fixed samples with random ones so that a run both repeats the known traps and explores.
import fc from 'fast-check';

/** About 100 kB of text: as one-byte characters, and as four-byte (astral) ones. */
export const HUGE_ASCII = 'x'.repeat(100_000);
export const HUGE_ASTRAL = '\u{1F600}'.repeat(25_000);

export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  ' \t\n ',
  // SQL metacharacters
  "'; DROP TABLE contacts; --",
  '" OR 1=1 --',
  "' OR ''='",
  '%',
  '_',
  '\\',
  '\\%_',
  // HTML and template metacharacters
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&amp; &lt; &#0;',
  '{{7*7}} ${7*7} #{7*7}',
  // astral, combining, right-to-left, invisible
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} \u{1D573}\u{1D58A}',
  'e\u0301\u0302\u0303\u0304\u0305\u0306',
  'A\u030A vs \u00C5',
  '\u202Eabc\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '\uFEFFbom',
  'zero\u200Bwidth',
  '\u2028\u2029',
  // control characters
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001F\u007F',
  '\r\n\r\n',
  '\u0085\u00A0',
  // text that looks like something else
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  'null',
  'true',
  '0x10',
  ' 1',
  '1 ',
  '../../etc/passwd',
  '%00%2F%2e%2e',
  'data:text/html,<h1>x</h1>',
];

/**
 * Text for query strings, where a server may hand it to a search engine or a LIKE pattern: every C0 control
 * character (U+0000-U+001F) together and some alone, U+007F, U+0085, the line and paragraph separators, quotes,
 * backslashes and the LIKE wildcards `%` and `_`.
 */
export const NASTY_QUERY_TEXTS: readonly string[] = [
  Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join(''),
  Array.from({ length: 0x1f }, (_, code) => String.fromCharCode(code + 1)).join(''),
  '\u0000',
  '\u0000\u0001\u001F',
  'a\u0001b',
  '\t\n\r',
  '\u007F',
  '\u0085',
  '\u2028\u2029',
  '"',
  "'",
  '\\',
  '%',
  '_',
  '%_\\%',
  'x" OR \'1\'=\'1',
];

/** Numbers at and beyond the edges: zero, negatives, fractions, beyond 32 and 53 bits, near the double limits. */
export const NASTY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  0.1,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  9_999_999_999_999,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

/**
 * Number literals written straight into a JSON text: JSON.stringify could not produce them
 * (1e400 parses to Infinity, the long integer loses precision).
 */
export const RAW_NUMBER_LITERALS: readonly string[] = ['1e400', '-1e400', '123456789012345678901234567890', '1.0', '-0.0', '1E2'];

/** Path ids that must name nothing: 404 (code 31). */
export const BAD_IDS: readonly string[] = [
  '0',
  '-1',
  '9999999999999',
  '99999999999999999999999',
  'abc',
  '1.5',
  '1e3',
  '01',
  '0x1',
  '%20',
  '%201',
  '1%00',
  '%EF%BC%91', // fullwidth digit one
  '1;DROP%20TABLE%20contacts',
  '%3Cscript%3E',
  'null',
  'true',
];

/**
 * Any text: the traps above, random printable graphemes, or random code points (astral and control included);
 * with `huge`, sometimes 100 kB of it (not for URLs, whose length limit is a separate rule).
 */
export function textArbitrary({ huge = true }: { huge?: boolean } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    ...(huge ? [{ arbitrary: fc.constantFrom(HUGE_ASCII, HUGE_ASTRAL), weight: 1 }] : []),
  );
}

export function nastyNumberArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 3 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  );
}

/** A JSON value of any type (used where a field's type is flipped). */
export function anyJsonArbitrary(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.boolean(),
    nastyNumberArbitrary(),
    textArbitrary(),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  );
}

/** The JSON text of `depth` nested arrays (`[[[1]]]`) or objects (`{"a":{"a":1}}`) around the number 1. */
export function nestedJson(kind: 'array' | 'object', depth: number): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
