// Demo debts over the last two years, most of the older ones settled. Amounts are recorded without a currency, so
// they show in the demo user's currency.
import { createDebt } from '../../store/debts.js';
import type { Db } from '../../store/db.js';
import { daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

const DEBT_REASONS: ReadonlyArray<[reason: string, cents: number]> = [
  ['Concert tickets for the jazz festival', 8500],
  ['Half of the taxi back from the airport', 2350],
  ['Lunch at the ramen place; forgot my wallet', 1875],
  ['Birthday present for Mum, split between us', 6000],
  ['Deposit for the holiday cottage in Cornwall', 32000],
  ['Two rounds at the pub quiz', 2400],
  ['Paid the plumber while they were away', 14500],
  ['Groceries for the camping weekend', 5630],
  ['Borrowed for the train ticket to Edinburgh', 9210],
  ['Football tickets', 11000],
  ['Wedding gift collection', 5000],
  ['Pizza night, their share', 1450],
];

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addDebtsDemo(db: Db, demo: DemoAccount): void {
  const { accountId, contactIds, rng } = demo;
  if (contactIds.length === 0) return;
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 8 * 3600);

  // Debts: oldest first; most of the older ones are settled. Amounts are recorded without a currency, so they
  // show in the demo user's currency.
  DEBT_REASONS.forEach(([reason, cents], i) => {
    const daysAgo = Math.floor(((DEBT_REASONS.length - i) / DEBT_REASONS.length) * 700) - rng.int(0, 12);
    createDebt(
      db,
      accountId,
      {
        contact_id: rng.pick(contactIds),
        in_debt: rng.chance(0.5) ? 'yes' : 'no',
        status: daysAgo > 120 && rng.chance(0.7) ? 'completed' : 'inprogress',
        amount: cents,
        currency_id: null,
        reason,
      },
      at(Math.max(1, daysAgo)),
    );
  });
}
