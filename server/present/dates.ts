/**
 * Date and time helpers shared by stores and presenters.
 *
 * This module is the single place where the API timestamp format
 * (`YYYY-MM-DDTHH:MM:SSZ`, UTC, no fractional seconds) is produced. Stores
 * receive already-formatted `now` strings from their callers, and presenters
 * turn stored dates into API values through the helpers below.
 */

/** Source of the current time; injected so tests and seeds can be deterministic. */
export type Clock = () => Date;

/** The wall clock. */
export const systemClock: Clock = () => new Date();

/** A clock frozen at the given instant (useful in tests). */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return () => new Date(instant.getTime());
}

/** Formats an instant as `YYYY-MM-DDTHH:MM:SSZ` in UTC. */
export function formatTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Formats an instant as a calendar date `YYYY-MM-DD` in UTC. */
export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The calendar date `YYYY-MM-DD` of an instant in a time zone (the UTC date when the zone is unknown). */
export function formatDateIn(d: Date, timeZone: string | null): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  } catch {
    return formatDate(d);
  }
}

/** Turns a stored calendar date `YYYY-MM-DD` into the API timestamp at midnight UTC. */
export function dateToTimestamp(date: string): string;
export function dateToTimestamp(date: string | null | undefined): string | null;
export function dateToTimestamp(date: string | null | undefined): string | null {
  if (date === null || date === undefined || date === '') return null;
  return `${date.slice(0, 10)}T00:00:00Z`;
}

/**
 * Normalises a stored timestamp (either a date or a timestamp) to the API
 * timestamp format. Values already in the API format pass through unchanged.
 */
export function toApiTimestamp(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateToTimestamp(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return value;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : formatTimestamp(parsed);
}

/**
 * Monica 4.x serialises a few Carbon values (`last_called`,
 * `last_activity_together`) with Laravel's default JSON form, which carries
 * microseconds: `YYYY-MM-DDTHH:MM:SS.000000Z`.
 */
export function toCarbonJson(value: string | null | undefined): string | null {
  const ts = toApiTimestamp(value);
  return ts === null ? null : `${ts.slice(0, 19)}.000000Z`;
}

/** The shape Monica uses for birthdate, deceased date and first-met date. */
export interface SpecialDate {
  is_age_based: boolean | null;
  is_year_unknown: boolean | null;
  date: string | null;
}

/**
 * Builds a special-date object. Without a date every member is null (this is
 * what 4.x sends for an unknown date); otherwise the flags become booleans and
 * the date an API timestamp.
 */
export function specialDate(
  date: string | null | undefined,
  isAgeBased: number | boolean | null | undefined,
  isYearUnknown: number | boolean | null | undefined,
): SpecialDate {
  if (date === null || date === undefined || date === '') {
    return { is_age_based: null, is_year_unknown: null, date: null };
  }
  return {
    is_age_based: Boolean(isAgeBased),
    is_year_unknown: Boolean(isYearUnknown),
    date: dateToTimestamp(date),
  };
}
