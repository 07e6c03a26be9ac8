// The one rule for request text, as Laravel's TrimStrings and ConvertEmptyStringsToNull apply it for Monica.

/**
 * Trims surrounding whitespace with the contract's notion of whitespace: exactly what its `\S` ("not only
 * spaces") pattern counts as space. `String.prototype.trim` also strips U+0085, which `\S` counts as text, so a
 * required text made of it would pass validation and then be stored empty: never use it on request text.
 */
export function trimInput<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.replace(/^\s+|\s+$/g, '') : value) as T;
}

/** Optional text as Monica stores it: trimmed, and null when nothing is left (Laravel's empty-string rule). */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = trimInput(value) ?? '';
  return trimmed === '' ? null : trimmed;
}
