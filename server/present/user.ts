import type { Currency, User } from '../../generated/client/types.gen.js';
import { hasSignedLatestTerm } from '../store/compliance.js';
import { getContactsByIds } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { UserProfileRow } from '../store/user.js';
import { userDisplayName } from '../store/accounts.js';
import { presentContactSummary } from './contactSummary.js';
import { accountAndTimes, type PresentContext } from './context.js';

export type UserObject = User;

function currencyOf(row: UserProfileRow): Currency | null {
  if (row.currency_id === null) return null;
  return {
    id: row.currency_id,
    object: 'currency',
    iso: row.currency_iso ?? '',
    name: row.currency_name ?? '',
    symbol: row.currency_symbol ?? '',
  };
}

/** Presents the user, loading the "me" contact and the compliance state (two queries). */
export function presentUser(db: Db, row: UserProfileRow, ctx: PresentContext): UserObject {
  const me = row.me_contact_id !== null ? getContactsByIds(db, row.account_id, [row.me_contact_id]).get(row.me_contact_id) : undefined;
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'user',
    first_name: row.first_name,
    last_name: row.last_name ?? '',
    name: userDisplayName(row.first_name, row.last_name),
    email: row.email,
    me_contact: me ? presentContactSummary(me, ctx) : null,
    timezone: row.timezone,
    currency: currencyOf(row),
    locale: row.locale,
    is_policy_compliant: hasSignedLatestTerm(db, row.account_id, row.id),
    ...accountAndTimes(row),
  };
}
