// Turns the lenient values the contract accepts ("12", "1", 0, ...) into plain numbers and booleans.
// The validator has already checked their form; these functions only convert.
import { cleanText, trimInput } from '../text.js';

export function toInt(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

export function toBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1';
}

/**
 * Whether a day exists in the proleptic Gregorian calendar. setUTCFullYear, not Date.UTC, so that years 0-99
 * stay themselves instead of becoming 1900-1999.
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A `YYYY-MM-DD` text naming a day that exists (the validator's `date` format lets `2024-02-30` through). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * The day a lenient date names (Laravel's `date` rule: `2024-02-03`, `2024-02-03T10:00:00`, `...Z`, `...+02:00`, with
 * or without fractions), as written, ignoring time and zone: `YYYY-MM-DD`, or null when that day does not exist.
 * The validator has already checked the form.
 */
export function calendarDayOf(value: string): string | null {
  const day = value.slice(0, 10);
  return isCalendarDate(day) ? day : null;
}

/** Request text: one rule for every handler and store (server/text.ts). */
export { cleanText, trimInput };

/** Label texts of a request: a list, or null when absent (an empty list also leaves the labels as they are). */
export function labelTexts(labels: readonly string[] | null | undefined): string[] | null {
  return labels ? labels.map((l) => trimInput(l)).filter((l) => l !== '') : null;
}

/** Collects Laravel-style messages for checks that a JSON schema cannot express. */
export class Problems {
  readonly messages: string[] = [];
  add(message: string): void {
    this.messages.push(message);
  }
  get any(): boolean {
    return this.messages.length > 0;
  }
}
