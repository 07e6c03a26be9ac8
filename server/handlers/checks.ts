// Checks a JSON schema cannot make that the handlers of several resources share: a day that exists, and writes
// that touch an archived contact.
import { validationFailed } from '../http/errors.js';
import type { ContactRow } from '../store/contacts.js';
import { calendarDayOf, type Problems } from './input.js';

/** What Monica answers (422, code 32) for a write that touches an archived contact. */
export const ARCHIVED_CONTACT_MESSAGE = 'The contact is archived: it cannot be changed until it is unarchived.';

/** Refuses (422) a write that touches an archived contact. */
export function refuseArchived(contact: ContactRow): void {
  if (!contact.is_active) throw validationFailed([ARCHIVED_CONTACT_MESSAGE]);
}

/** Monica refuses new gifts, photos and documents for an archived contact. */
export function checkNotArchived(problems: Problems, contact: ContactRow, what: string): void {
  if (!contact.is_active) problems.add(`The contact is archived: unarchive it before adding ${what}.`);
}

/**
 * Laravel's `date` rule on a day field, checked before any id is looked up (as Monica validates first): the day the
 * text names (`YYYY-MM-DD`, whatever time and zone follow it), or 422 when that day does not exist.
 */
export function checkDay(label: string, value: string): string {
  const day = calendarDayOf(value);
  if (day === null) throw validationFailed([`The ${label} is not a valid date.`]);
  return day;
}
