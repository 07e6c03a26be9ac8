// The demo user's signature of the current terms.
import { firstUser } from '../../store/accounts.js';
import { latestTerm, signTerm } from '../../store/compliance.js';
import type { Db } from '../../store/db.js';
import type { DemoAccount } from './types.js';

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes): a signature of the current terms.
 */
export function addComplianceDemo(db: Db, demo: DemoAccount): void {
  const { accountId } = demo;
  const user = firstUser(db, accountId);
  if (!user) return;
  // The user registered when the account was made.
  const registered = user.created_at;

  // The user accepted the current terms on registering.
  const term = latestTerm(db);
  if (term) signTerm(db, accountId, user.id, term.id, '203.0.113.24', registered);
}
